package dev.weft.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.Report;
import dev.weft.transformer.RewriteOptions;
import dev.weft.transformer.RewriteResult;
import dev.weft.transformer.RewriteResult.RegionOutcome;
import dev.weft.transformer.RewriteResult.Status;
import dev.weft.transformer.Rewriter;
import dev.weft.transformer.check.CompileCheck;
import dev.weft.transformer.output.TreeWriter;
import dev.weft.transformer.output.UnifiedDiff;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the whole pipeline (issue 4): every corpus program is analysed, rewritten
 * (compile check included), compiled, and run in a fresh JVM before and after, the rewritten one
 * with {@code -Dweft.parallelism=1}, 2 and 4 (4 without the warm-up: {@code -Dweft.warmupMs=0}), and with 4 under the runtime's stress switch
 * ({@code -Dweft.stress=true}: every loop splits and every recursion forks, so the pieces really run
 * apart and are combined, whatever the scheduler would have done). Standard output, standard error and the exit status
 * must be byte-identical; a program that throws must throw the same exception type and message
 * (the first line of the uncaught-exception report; the stack frames differ by construction).
 *
 * <p>Programs with no rewritten region are not run (their code is unchanged), only counted; the
 * counts per program and the reasons for every region not rewritten are printed and written to
 * {@code target/differential-report.txt}; the rewrites themselves go to
 * {@code target/differential-diffs/<program>.patch} for review.
 */
class DifferentialTest {

  private static final Path PROGRAMS = Corpus.programsDir();
  /**
   * The rewritten program's runs: a worker count, whether the runtime's stress switch is on, and
   * whether the warm-up runs the first regions alone (as users run it; off for the 4-worker run, so
   * that the pool runs these short programs' regions from the first one).
   */
  private record Config(int workers, boolean stress, boolean warmup) {}

  private static final List<Config> CONFIGS = List.of(
      new Config(1, false, true), new Config(2, false, true), new Config(4, false, false), new Config(4, true, false));
  private static final long TIMEOUT_SECONDS = 120;
  private static final long ANALYSIS_SECONDS = Long.getLong("weft.differential.analysisSeconds", 90);
  private static final List<String> REPORT = new ArrayList<>();
  private static int accepted;
  private static int rewritten;
  private static int compared;

  @TempDir static Path work;

  @TestFactory
  Stream<DynamicTest> rewrittenProgramsBehaveTheSame() {
    // -Dweft.differential.only=fib,saxpy runs just those programs (while working on one).
    List<String> only = List.of(System.getProperty("weft.differential.only", "").split(",")).stream()
        .filter(x -> !x.isBlank()).toList();
    return Program.load(PROGRAMS).stream()
        .filter(p -> only.isEmpty() || only.contains(p.dir()))
        .map(p -> DynamicTest.dynamicTest(p.dir(), () -> check(p)));
  }

  private static void check(Program program) throws IOException, InterruptedException {
    Path source = PROGRAMS.resolve(program.dir());
    Report report = analyze(program, source);
    RewriteResult result = new Rewriter(RewriteOptions.defaults()).rewrite(source, report);
    long done = result.count(Status.REWRITTEN);
    synchronized (REPORT) {
      accepted += result.regions().size();
      rewritten += (int) done;
      REPORT.add(String.format("%-16s accepted %2d  rewritten %2d", program.dir(), result.regions().size(), done));
      for (RegionOutcome o : result.regions()) {
        if (o.status() != Status.REWRITTEN) {
          REPORT.add("    " + o.region().location() + " " + o.region().kind().id() + ": " + o.status() + ": " + o.reason());
        }
      }
    }
    for (RegionOutcome o : result.regions()) {
      assertTrue(o.status() != Status.FAILED, program.dir() + ": " + o.region().location() + ": " + o.reason());
    }
    if (result.files().isEmpty()) return;
    Path diffs = Path.of("target", "differential-diffs");
    if (Files.isDirectory(Path.of("target"))) {
      Files.createDirectories(diffs);
      Files.writeString(diffs.resolve(program.dir() + ".patch"), UnifiedDiff.of(result.files()), StandardCharsets.UTF_8);
    }

    Path base = work.resolve(program.dir());
    Path rewrittenTree = base.resolve("rewritten");
    TreeWriter.writeCopy(source, rewrittenTree, result.files());
    Path runtime = CompileCheck.runtimeLocation();
    Path originalClasses = base.resolve("original-classes");
    Path rewrittenClasses = base.resolve("rewritten-classes");
    ProgramRunner.compile(source, originalClasses, List.of());
    ProgramRunner.compile(rewrittenTree, rewrittenClasses, List.of(runtime));

    Run expected = run(List.of(originalClasses), program, null);
    for (Config config : CONFIGS) {
      Run actual = run(List.of(rewrittenClasses, runtime), program, config);
      String what = program.dir() + " with " + config.workers() + " workers" + (config.stress() ? " (stress)" : "");
      assertEquals(expected.exit, actual.exit, what + ": exit status\nstderr:\n" + actual.stderr);
      assertEquals(expected.stdout, actual.stdout, what + ": standard output");
      if (expected.exit != 0 && expected.stderr.startsWith("Exception in thread")) {
        assertEquals(firstLine(expected.stderr), firstLine(actual.stderr), what + ": exception type and message");
      } else {
        assertEquals(expected.stderr, actual.stderr, what + ": standard error");
      }
    }
    synchronized (REPORT) {
      compared++;
    }
    if (Boolean.getBoolean("weft.differential.demo") && program.isDemo()) measure(program, originalClasses, rewrittenClasses, runtime);
  }

  /**
   * With {@code -Dweft.differential.demo=true}: the demo size, sequential original against the
   * rewritten program on every core, wall and CPU time into the report (a measurement, never an
   * assertion: timings depend on the machine).
   */
  private static void measure(Program program, Path originalClasses, Path rewrittenClasses, Path runtime)
      throws IOException, InterruptedException {
    Program demo = new Program(program.dir(), program.mainClass(), program.demoArgs(), program.demoArgs());
    long[] before = timed(List.of(originalClasses), demo);
    long[] after = timed(List.of(rewrittenClasses, runtime), demo);
    synchronized (REPORT) {
      REPORT.add(String.format("    demo %s %s: original wall %.2f s cpu %.2f s; rewritten (%d cores) wall %.2f s cpu %.2f s;"
              + " speed-up %.2fx", program.dir(), String.join(" ", program.demoArgs()), before[0] / 1e9, before[1] / 1e9,
          Runtime.getRuntime().availableProcessors(), after[0] / 1e9, after[1] / 1e9, (double) before[0] / after[0]));
    }
  }

  /** {wall, cpu} nanoseconds of one run, as bash's {@code time} reports them (user + system). */
  private static long[] timed(List<Path> classpath, Program program) throws IOException, InterruptedException {
    Path times = Files.createTempFile(work, "time", ".txt");
    List<String> command = new ArrayList<>(List.of("bash", "-c",
        "TIMEFORMAT='%R %U %S'; { time \"$@\" > /dev/null 2>&1; } 2> " + times, "bash",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m", "-cp",
        String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), program.mainClass()));
    command.addAll(program.args());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail(program.dir() + " demo run: no exit after " + TIMEOUT_SECONDS + " s");
    }
    String[] t = Files.readString(times).trim().split("\\s+");
    return new long[] {(long) (Double.parseDouble(t[0]) * 1e9), (long) ((Double.parseDouble(t[1]) + Double.parseDouble(t[2])) * 1e9)};
  }

  private static Report analyze(Program program, Path source) throws InterruptedException {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "analyze-" + program.dir());
      t.setDaemon(true);
      return t;
    });
    Future<Report> future = executor.submit(() -> new Analyzer(AnalysisOptions.defaults()).analyze(source));
    executor.shutdown();
    try {
      return future.get(ANALYSIS_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      synchronized (REPORT) {
        REPORT.add(String.format("%-16s NOT COMPARED: the analyzer did not finish in %d s", program.dir(), ANALYSIS_SECONDS));
      }
      Assumptions.abort(program.dir() + ": the analyzer did not finish in " + ANALYSIS_SECONDS + " s");
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AnalysisException a) fail(program.dir() + ": the analyzer could not run: " + a.getMessage());
      throw new IllegalStateException(program.dir() + ": the analyzer failed", e.getCause());
    }
  }

  private record Run(int exit, String stdout, String stderr) {}

  private static Run run(List<Path> classpath, Program program, Config config) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xss16m");
    if (config != null) command.add("-Dweft.parallelism=" + config.workers());
    if (config != null && config.stress()) command.add("-Dweft.stress=true");
    if (config != null && !config.warmup()) command.add("-Dweft.warmupMs=0");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(program.mainClass());
    command.addAll(program.args());
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail(program.dir() + (config == null ? " (original)" : " with " + config.workers() + " workers" + (config.stress() ? " (stress)" : "")) + ": no exit after "
          + TIMEOUT_SECONDS + " s");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @AfterAll
  static void printCounts() throws IOException {
    List<String> lines = new ArrayList<>(REPORT);
    lines.add(0, String.format("DifferentialTest: %d regions accepted, %d rewritten; %d programs compared with 1, 2, 4 workers and 4 under stress",
        accepted, rewritten, compared));
    lines.forEach(System.out::println);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) Files.write(target.resolve("differential-report.txt"), lines, StandardCharsets.UTF_8);
  }
}
