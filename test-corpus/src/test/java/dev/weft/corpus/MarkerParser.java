package dev.weft.corpus;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code // weft: …} expectation comments of corpus programs (analyzer/docs/findings.md, "Corpus markers";
 * STYLE.md §4). A marker applies to the line right after it:
 *
 * <pre>
 *   // weft: DoallLoop
 *   // weft: blocked IoInRegion, EarlyExit -- free text after " -- " is ignored
 * </pre>
 *
 * Unknown kinds or blocker ids, an empty blocker list, a marker followed by another marker or by a
 * blank line, and a marker on the last line are errors: a typo must not silently weaken the corpus.
 */
public final class MarkerParser {

  /** Region kind ids (RegionKind.id()). */
  public static final ImmutableSet<String> KINDS =
      ImmutableSet.of(
          "DoallLoop",
          "Reduction",
          "ArrayReduction",
          "OrderedAppend",
          "KeyedReduction",
          "IndependentCalls",
          "DivideAndConquer");

  /** The stable blocker ids of analyzer/docs/findings.md. */
  public static final ImmutableSet<String> BLOCKERS =
      ImmutableSet.of(
          "LoopCarriedDependence",
          "WritesSharedField",
          "CallsImpureMethod",
          "CallsUnknownMethod",
          "IoInRegion",
          "Synchronization",
          "EarlyExit",
          "NonCanonicalLoop",
          "MayAlias",
          "FloatingPointReduction",
          "TooLittleWork",
          "ThrowsException",
          "UnresolvedSymbol",
          "OverlappingEffects");

  private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*weft:(.*)$");
  private static final Pattern ID = Pattern.compile("[A-Za-z]+");

  private MarkerParser() {}

  /** Thrown for a malformed marker; the message starts with {@code file:line:}. */
  public static final class MarkerSyntaxException extends IllegalArgumentException {
    MarkerSyntaxException(String file, int line, String message) {
      super(file + ":" + line + ": " + message);
    }
  }

  /** Parses the lines of one file; {@code file} is only used in the markers and messages. */
  public static ImmutableList<Marker> parse(String file, List<String> lines) {
    ImmutableList.Builder<Marker> out = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int markerLine = i + 1;
      if (i + 1 >= lines.size()) {
        throw new MarkerSyntaxException(file, markerLine, "marker on the last line");
      }
      String next = lines.get(i + 1);
      if (MARKER.matcher(next).matches()) {
        throw new MarkerSyntaxException(file, markerLine, "two markers in a row");
      }
      if (next.isBlank()) {
        throw new MarkerSyntaxException(file, markerLine, "marker followed by a blank line");
      }
      String body = m.group(1).strip();
      String note = "";
      int dashes = body.indexOf(" -- ");
      if (dashes >= 0) {
        note = body.substring(dashes + 4).strip();
        body = body.substring(0, dashes).strip();
      } else if (body.endsWith(" --")) {
        body = body.substring(0, body.length() - 3).strip();
      }
      out.add(new Marker(file, markerLine + 1, verdict(file, markerLine, body), note));
    }
    return out.build();
  }

  private static Verdict verdict(String file, int line, String body) {
    if (body.isEmpty()) {
      throw new MarkerSyntaxException(file, line, "empty marker");
    }
    if (body.equals("blocked") || body.startsWith("blocked ")) {
      String list = body.substring("blocked".length()).strip();
      TreeSet<String> ids = new TreeSet<>();
      for (String raw : list.split(",")) {
        String id = raw.strip();
        if (id.isEmpty()) {
          throw new MarkerSyntaxException(file, line, "empty blocker id in '" + body + "'");
        }
        if (!BLOCKERS.contains(id)) {
          throw new MarkerSyntaxException(file, line, "unknown blocker id '" + id + "'");
        }
        if (!ids.add(id)) {
          throw new MarkerSyntaxException(file, line, "blocker id '" + id + "' listed twice");
        }
      }
      return Verdict.blocked(ids);
    }
    if (!ID.matcher(body).matches() || !KINDS.contains(body)) {
      throw new MarkerSyntaxException(file, line, "unknown region kind '" + body + "'");
    }
    return Verdict.accepted(body);
  }

  /** All markers of all {@code .java} files under {@code programDir}, file paths relative to it. */
  public static ImmutableList<Marker> parseDirectory(Path programDir) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(programDir)) {
      walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImmutableList.Builder<Marker> out = ImmutableList.builder();
    for (Path f : files) {
      String rel = programDir.relativize(f).toString().replace('\\', '/');
      try {
        out.addAll(parse(rel, Files.readAllLines(f, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.build();
  }
}
