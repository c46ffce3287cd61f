package dev.weft.analyzer.regions;

import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Analyses one Java class written to a temporary directory and returns the verdict per line:
 * {@code DoallLoop} or {@code blocked A, B}, like the corpus markers.
 */
final class Snippets {

  private Snippets() {}

  static Report analyse(Path dir, String className, String source, AnalysisOptions options) throws Exception {
    Files.writeString(dir.resolve(className + ".java"), source);
    return new Analyzer(options, p -> new FakeOracle()).analyze(dir);
  }

  static Map<Integer, String> verdicts(Report r) {
    Map<Integer, String> out = new TreeMap<>();
    for (Region g : r.regions()) out.put(g.location().line(), g.kind().id());
    for (Rejection j : r.rejected()) {
      out.put(j.location().line(), "blocked " + j.blockers().stream().map(Blocker::id).collect(Collectors.joining(", ")));
    }
    return out;
  }

  /** The line number of the first line containing {@code marker}. */
  static int lineOf(String source, String marker) {
    String[] lines = source.split("\n");
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
    throw new AssertionError("no line with " + marker);
  }
}
