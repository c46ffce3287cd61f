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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Entry point: analyses a codebase and returns every accepted region and every rejected candidate
 * with its blockers. The flow is project loading → source model → effects → regions → findings.
 *
 * <p>Files are analysed in parallel, one worker thread per available processor (the system
 * property {@value #THREADS_PROPERTY} overrides it). JavaParser's symbol solver keeps caches that
 * are not thread-safe, so each worker owns its own {@link SourceModel}; the effect oracle is
 * shared (it is thread-safe). Results are sorted, so the report does not depend on the schedule.
 */
public final class Analyzer {

  /** System property: how many worker threads analyse files (default: available processors). */
  public static final String THREADS_PROPERTY = "weft.analysis.threads";

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
      List<Path> files = project.javaFiles();
      List<FileResult> results = analyseAll(project, oracle, files);
      List<Region> regions = new ArrayList<>();
      List<Rejection> rejected = new ArrayList<>();
      List<FileProblem> problems = new ArrayList<>();
      Set<String> unreadable = new HashSet<>();
      int analysed = 0;
      for (FileResult r : results) {
        if (r.problem() != null) {
          problems.add(r.problem());
          unreadable.add(r.problem().file());
          continue;
        }
        analysed++;
        regions.addAll(r.findings().regions());
        rejected.addAll(r.findings().rejected());
      }
      // javac's lines about a file that does not parse or is not UTF-8 only repeat that problem.
      for (FileProblem p : loaded.problems()) if (!unreadable.contains(p.file())) problems.add(p);
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

  /** One file's outcome: its findings, or the problem that kept it out. */
  private record FileResult(RegionFinder.Findings findings, FileProblem problem) {}

  private List<FileResult> analyseAll(Project project, EffectOracle oracle, List<Path> files) throws AnalysisException {
    FileResult[] results = new FileResult[files.size()];
    int threads = Math.max(1, Math.min(files.size(), threads(files)));
    // Work is handed out a package (directory) at a time, largest first: resolving names parses
    // the files of the package they may live in, so a worker that keeps to a package parses it
    // once instead of every worker parsing every package.
    Map<Path, List<Integer>> byPackage = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      byPackage.computeIfAbsent(files.get(i).getParent(), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(byPackage.values());
    groups.sort(Comparator.comparingInt((List<Integer> g) -> -g.size()));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      SourceModel model;
      try {
        model = new SourceModel(project);
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        return;
      }
      for (int g = next.getAndIncrement(); g < groups.size() && failure.get() == null; g = next.getAndIncrement()) {
        for (int i : groups.get(g)) {
          try {
            results[i] = analyseFile(model, oracle, files.get(i));
          } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // Every file is analysed or reported: a failure outside the per-loop guards costs
            // this file only.
            results[i] = new FileResult(null, new FileProblem(model.relative(files.get(i)), 0, "the analysis failed: " + e));
          } catch (Error e) {
            failure.compareAndSet(null, e);
          }
        }
      }
    };
    if (threads == 1) {
      worker.run();
    } else {
      List<Thread> pool = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        // Deep ASTs recurse deeply in the solver: a generous stack, as the main thread has.
        Thread th = new Thread(null, worker, "weft-analysis-" + t, 64L << 20);
        th.setDaemon(true);
        pool.add(th);
        th.start();
      }
      for (Thread th : pool) {
        try {
          th.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AnalysisException("interrupted", e);
        }
      }
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) throw re;
    if (f instanceof Error er) throw er;
    return Arrays.asList(results);
  }

  private FileResult analyseFile(SourceModel model, EffectOracle oracle, Path file) {
    SourceModel.Parsed parsed = model.parse(file);
    if (!parsed.ok()) return new FileResult(null, parsed.problem());
    FileContext ctx = new FileContext(parsed.relativePath(), parsed.text(), parsed.unit(), oracle, options);
    return new FileResult(new RegionFinder(ctx).find(), null);
  }

  /**
   * Workers: one per processor, but no more than half the heap can hold. Each worker's symbol
   * solver ends up holding the ASTs of most of the project, about {@value #HEAP_PER_SOURCE_BYTE}
   * bytes of heap per byte of source (measured on Commons Math: 9 MB of sources, 1.4 GB live with
   * two workers and the effect oracle).
   */
  private static int threads(List<Path> files) {
    String p = System.getProperty(THREADS_PROPERTY);
    if (p != null) {
      try {
        return Integer.parseInt(p.trim());
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    long sourceBytes = 0;
    for (Path f : files) {
      try {
        sourceBytes += Files.size(f);
      } catch (IOException e) {
        // an unreadable file is reported when it is parsed
      }
    }
    long perWorker = Math.max(1, sourceBytes * HEAP_PER_SOURCE_BYTE);
    long byHeap = Math.max(1, Runtime.getRuntime().maxMemory() / 2 / perWorker);
    return (int) Math.min(Runtime.getRuntime().availableProcessors(), byHeap);
  }

  private static final long HEAP_PER_SOURCE_BYTE = 50;

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
