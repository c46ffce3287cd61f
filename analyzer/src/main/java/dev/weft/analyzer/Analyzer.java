package dev.weft.analyzer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.effects.EffectOracle;
import dev.weft.analyzer.effects.EffectOracles;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.project.LoadedProject;
import dev.weft.analyzer.project.Project;
import dev.weft.analyzer.project.ProjectLoader;
import dev.weft.analyzer.regions.FileContext;
import dev.weft.analyzer.regions.RegionFinder;
import dev.weft.analyzer.source.SourceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Entry point: analyses a codebase and returns every accepted region and every rejected candidate
 * with its blockers. The flow is project loading → source model → effects → regions → findings.
 *
 * <p>Files are analysed one at a time: JavaParser's symbol solver shares caches that are not
 * thread-safe. Results are sorted, so the report is deterministic.
 */
public final class Analyzer {

  private final AnalysisOptions options;
  private final Function<Project, EffectOracle> oracles;

  public Analyzer(AnalysisOptions options) {
    this(options, EffectOracles::forProject);
  }

  /** With a chosen effect oracle: for tests. */
  public Analyzer(AnalysisOptions options, Function<Project, EffectOracle> oracles) {
    this.options = options;
    this.oracles = oracles;
  }

  public Report analyze(Path directory) throws AnalysisException {
    long start = System.nanoTime();
    LoadedProject loaded = new ProjectLoader(options).load(directory);
    Project project = loaded.project();
    try {
      EffectOracle oracle = oracles.apply(project);
      SourceModel model = new SourceModel(project);
      List<Region> regions = new ArrayList<>();
      List<Rejection> rejected = new ArrayList<>();
      List<FileProblem> problems = new ArrayList<>(loaded.problems());
      int analysed = 0;
      for (Path file : project.javaFiles()) {
        SourceModel.Parsed parsed = model.parse(file);
        if (!parsed.ok()) {
          problems.add(parsed.problem());
          continue;
        }
        analysed++;
        FileContext ctx = new FileContext(parsed.relativePath(), parsed.text(), parsed.unit(), oracle, options);
        RegionFinder.Findings f = new RegionFinder(ctx).find();
        regions.addAll(f.regions());
        rejected.addAll(f.rejected());
      }
      regions.sort(Comparator.comparing(Region::location));
      rejected.sort(Comparator.comparing(Rejection::location));
      problems.sort(Comparator.comparing(FileProblem::file).thenComparingInt(FileProblem::line).thenComparing(FileProblem::message));
      TreeMap<String, Integer> counts = new TreeMap<>();
      for (Rejection r : rejected) {
        Set<String> ids = new HashSet<>();
        for (Blocker b : r.blockers()) if (ids.add(b.id())) counts.merge(b.id(), 1, Integer::sum);
      }
      return new Report(project.root().toString(), analysed, ImmutableList.copyOf(regions), ImmutableList.copyOf(rejected),
          ImmutableList.copyOf(problems), ImmutableSortedMap.copyOf(counts), (System.nanoTime() - start) / 1e9);
    } finally {
      loaded.temporaryClasses().ifPresent(Analyzer::deleteQuietly);
    }
  }

  public AnalysisOptions options() {
    return options;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a leftover temporary file is harmless
        }
      });
    } catch (IOException e) {
      // same
    }
  }
}
