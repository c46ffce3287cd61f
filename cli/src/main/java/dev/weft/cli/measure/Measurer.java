package dev.weft.cli.measure;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.Report;
import dev.weft.transformer.RewriteOptions;
import dev.weft.transformer.RewriteResult;
import dev.weft.transformer.RewriteResult.RegionOutcome;
import dev.weft.transformer.Rewriter;
import dev.weft.transformer.check.CompileCheck;
import dev.weft.transformer.output.TreeWriter;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code weft measure}'s pipeline: analyse → rewrite into a temporary copy → compile both versions
 * → run them alternately (A B A B …, after one warm-up run of each) → compare every run's stdout and
 * exit status with the original's warm-up run. The program's own directory is only read.
 *
 * <p>Alternating, rather than all A runs then all B runs, spreads slow phases of the machine (another
 * process, thermal throttling) over both versions, and pairs each A run with the B run next to it
 * for the spread of the speed-up.
 */
public final class Measurer {

  /** The analysis step, replaceable in tests. */
  @FunctionalInterface
  public interface Analysis {
    Report run(AnalysisOptions options, Path directory) throws AnalysisException;
  }

  /** The rewrite step, replaceable in tests (e.g. with one that changes the program's output). */
  @FunctionalInterface
  public interface Rewrite {
    RewriteResult run(RewriteOptions options, Path directory, Report report) throws IOException;
  }

  public static final Analysis ANALYZER = (options, dir) -> new Analyzer(options).analyze(dir);
  public static final Rewrite REWRITER = (options, dir, report) -> new Rewriter(options).rewrite(dir, report);

  private final Analysis analysis;
  private final Rewrite rewrite;
  private final Consumer<String> progress;

  /** @param progress receives one short line per step ("run 3/10 (weft)…") */
  public Measurer(Analysis analysis, Rewrite rewrite, Consumer<String> progress) {
    this.analysis = analysis;
    this.rewrite = rewrite;
    this.progress = progress;
  }

  public Measurement measure(MeasureSpec spec)
      throws MeasureException, IOException, InterruptedException {
    Path dir = spec.directory().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) throw new MeasureException("no such directory: " + spec.directory());
    List<Path> sources = SourceCompiler.sources(dir);
    if (sources.isEmpty()) throw new MeasureException("no Java files under " + spec.directory());

    progress.accept("analysing…");
    Report report;
    try {
      report = analysis.run(
          new AnalysisOptions(ImmutableList.of(), spec.classpath(), spec.allowFpReassociation(),
              AnalysisOptions.DEFAULT_MIN_WORK),
          dir);
    } catch (AnalysisException e) {
      throw new MeasureException(e.getMessage(), e);
    }
    int found = report.regions().size();
    progress.accept("rewriting " + found + (found == 1 ? " region…" : " regions…"));
    RewriteResult rewritten = rewrite.run(
        new RewriteOptions(spec.allowFpReassociation(), spec.classpath(), true), dir, report);

    Path tmp = Files.createTempDirectory("weft-measure");
    // Ctrl-C ends the JVM without running the finally below; the hook removes the copy then.
    Thread cleanup = new Thread(() -> deleteTree(tmp));
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      progress.accept("compiling…");
      Path originalClasses = tmp.resolve("original-classes");
      SourceCompiler.compile(dir, sources, originalClasses, spec.classpath(), "original");
      checkMainClass(spec, originalClasses);
      Path rewrittenSources = tmp.resolve("rewritten-sources");
      TreeWriter.writeCopy(dir, rewrittenSources, rewritten.files());
      Path weftClasses = tmp.resolve("weft-classes");
      List<Path> weftCompileClasspath = new ArrayList<>();
      weftCompileClasspath.add(CompileCheck.runtimeLocation());
      weftCompileClasspath.addAll(spec.classpath());
      SourceCompiler.compile(rewrittenSources, sources, weftClasses, weftCompileClasspath, "rewritten");

      List<Path> originalRun = new ArrayList<>(List.of(originalClasses));
      originalRun.addAll(spec.classpath());
      List<Path> weftRun = new ArrayList<>(List.of(weftClasses));
      weftRun.addAll(weftCompileClasspath);
      Path scratch = Files.createDirectories(tmp.resolve("run"));
      List<String> flags = new ArrayList<>();
      spec.workers().ifPresent(n -> flags.add("-Dweft.parallelism=" + n));
      ChildRunner runner = new ChildRunner(scratch, flags);
      return runAlternately(spec, runner, originalRun, weftRun, report, rewritten);
    } finally {
      deleteTree(tmp);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs anyway
      }
    }
  }

  private Measurement runAlternately(MeasureSpec spec, ChildRunner runner, List<Path> originalCp,
      List<Path> weftCp, Report report, RewriteResult rewritten)
      throws IOException, InterruptedException {
    ImmutableSortedMap<String, Integer> byKind = rewrittenByKind(rewritten);
    int cores = Runtime.getRuntime().availableProcessors();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<RunSample> a = new ArrayList<>();
    List<RunSample> b = new ArrayList<>();
    int total = 2 * spec.runs();

    progress.accept("warm-up (original)…");
    RunSample reference = runner.run(originalCp, spec.mainClass(), spec.args());
    progress.accept("warm-up (weft)…");
    OutputDifference diff = OutputDifference.between("weft warm-up run",
        reference, runner.run(weftCp, spec.mainClass(), spec.args())).orElse(null);
    for (int i = 1; i <= spec.runs() && diff == null; i++) {
      progress.accept("run " + (2 * i - 1) + "/" + total + " (original)…");
      RunSample ra = runner.run(originalCp, spec.mainClass(), spec.args());
      a.add(ra);
      diff = OutputDifference.between("original run " + i, reference, ra).orElse(null);
      if (diff != null) break;
      progress.accept("run " + (2 * i) + "/" + total + " (weft)…");
      RunSample rb = runner.run(weftCp, spec.mainClass(), spec.args());
      b.add(rb);
      diff = OutputDifference.between("weft run " + i, reference, rb).orElse(null);
    }
    if (a.isEmpty()) a.add(reference); // refused at the warm-up: keep the reference's exit code
    return new Measurement(spec, report.regions().size(), byKind, cores, load < 0 ? -1 : load,
        ImmutableList.copyOf(a), ImmutableList.copyOf(b), diff);
  }

  private static ImmutableSortedMap<String, Integer> rewrittenByKind(RewriteResult result) {
    Map<String, Integer> counts = new TreeMap<>();
    for (RegionOutcome o : result.regions()) {
      if (o.status() == RewriteResult.Status.REWRITTEN) {
        counts.merge(o.region().kind().id(), 1, Integer::sum);
      }
    }
    return ImmutableSortedMap.copyOf(counts);
  }

  private static void checkMainClass(MeasureSpec spec, Path classes) throws MeasureException {
    if (!spec.classpath().isEmpty()) return; // it may come from a jar
    Path file = classes.resolve(spec.mainClass().replace('.', File.separatorChar) + ".class");
    if (!Files.isRegularFile(file)) {
      throw new MeasureException("no class " + spec.mainClass() + " in the sources under "
          + spec.directory() + " (--main takes the fully qualified name, e.g. com.example.App)");
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover directory in the system's temp folder is harmless
    }
  }
}
