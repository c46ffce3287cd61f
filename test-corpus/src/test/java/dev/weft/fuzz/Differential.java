package dev.weft.fuzz;

import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.Report;
import dev.weft.corpus.ProgramRunner;
import dev.weft.transformer.RewriteOptions;
import dev.weft.transformer.RewriteResult;
import dev.weft.transformer.RewriteResult.RegionOutcome;
import dev.weft.transformer.RewriteResult.Status;
import dev.weft.transformer.Rewriter;
import dev.weft.transformer.check.CompileCheck;
import dev.weft.transformer.output.TreeWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The differential check of one generated program: analyse, rewrite (with the transformer's own
 * compile check), compile the original and the rewrite in-process, run the original once and the
 * rewrite with 1, 2 and 4 workers and once more with 4 workers under the runtime's stress switch
 * ({@code -Dweft.stress=true}: every loop splits and every recursion forks, whatever the work
 * estimates and idle counts say), each in a fresh JVM with a timeout. Standard output, standard
 * error and the exit status must be byte-identical. Without the stress run, whether a bad rewrite
 * shows depends on the scheduler happening to split a small loop: the dependence-ignoring oracle
 * was caught 34-46 % of the time; with it, see the README's figures.
 *
 * <p>Compilation reuses {@link ProgramRunner#compile}; running is a subprocess here (not
 * {@code ProgramRunner.run}) because the worker count is a JVM-wide property and a bad rewrite may
 * hang. {@code DifferentialTest} has an equivalent private runner: fold the two when convenient.
 */
public final class Differential {

  /** How a check ended. INVALID means the generated program itself is wrong (a generator bug). */
  public enum Outcome { PASS, MISMATCH, CRASH, NONCOMPILING, TIMEOUT, INVALID }

  /**
   * @param regions accepted regions in the report the rewriter was given
   * @param rewritten regions the rewriter rewrote
   * @param doctoredRewritten of those, regions the oracle's doctor added (0 in an honest check)
   * @param detail one line for a person: which component, which run, the first differing line
   */
  public record Verdict(Outcome outcome, int regions, int rewritten, int doctoredRewritten, String detail) {
    /** What must stay the same while shrinking: the outcome and the component at fault. */
    public String signature() {
      int colon = detail.indexOf(':');
      return outcome + " " + (colon < 0 ? detail : detail.substring(0, colon));
    }
  }

  /**
   * The rewrite's runs: a worker count, whether the runtime's stress switch is on, and whether the
   * warm-up runs the first regions alone (off for the 4-worker run: the pool from the first region).
   */
  private record Config(int workers, boolean stress, boolean warmup) {
    String describe() {
      return workers + " workers" + (stress ? " (stress)" : warmup ? "" : " (no warm-up)");
    }
  }

  private static final List<Config> CONFIGS = List.of(
      new Config(1, false, true), new Config(2, false, true), new Config(4, false, false), new Config(4, true, false));
  private static final String MAIN = "Fuzz";

  private final Path work;
  private final long timeoutSeconds;
  private int counter;
  /** Nanoseconds spent per phase (analyse, rewrite, compile, run), for the campaign's summary. */
  final long[] nanos = new long[4];

  public Differential(Path work, long timeoutSeconds) {
    this.work = work;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The honest check: the analyzer's report as it is. */
  public Verdict check(String source) {
    return check(source, (report, dir) -> report);
  }

  /**
   * Checks {@code source} (class {@code Fuzz}), after {@code doctor} has had a chance to change the
   * report (the oracle check adds regions the analyzer rejected).
   */
  public Verdict check(String source, BiFunction<Report, Path, Report> doctor) {
    Path base = work.resolve("p" + counter++);
    try {
      return checkIn(base, source, doctor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteTree(base);
    }
  }

  private Verdict checkIn(Path base, String source, BiFunction<Report, Path, Report> doctor)
      throws IOException, InterruptedException {
    Path src = base.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve(MAIN + ".java"), source, StandardCharsets.UTF_8);
    Path originalClasses = base.resolve("original-classes");
    try {
      ProgramRunner.compile(src, originalClasses, List.of());
    } catch (IllegalStateException e) {
      return new Verdict(Outcome.INVALID, 0, 0, 0, "generator: the original does not compile: " + oneLine(e.getMessage()));
    }

    long t0 = System.nanoTime();
    Report honest;
    try {
      honest = new Analyzer(AnalysisOptions.defaults()).analyze(src);
    } catch (Throwable e) { // any exception out of the tool is a crash, whatever its type
      return new Verdict(Outcome.CRASH, 0, 0, 0, "analyzer: " + e + at(e));
    }
    Report report = doctor.apply(honest, src);
    int regions = report.regions().size();
    long t1 = System.nanoTime();
    nanos[0] += t1 - t0;
    RewriteResult result;
    try {
      result = new Rewriter(RewriteOptions.defaults()).rewrite(src, report);
    } catch (Throwable e) {
      return new Verdict(Outcome.CRASH, regions, 0, 0, "transformer: " + e + at(e));
    }
    long t2 = System.nanoTime();
    nanos[1] += t2 - t1;
    int rewritten = (int) result.count(Status.REWRITTEN);
    int doctored = (int) result.regions().stream()
        .filter(o -> o.status() == Status.REWRITTEN && !honest.regions().contains(o.region())).count();
    for (RegionOutcome o : result.regions()) {
      if (o.status() == Status.FAILED) {
        return new Verdict(Outcome.NONCOMPILING, regions, rewritten, doctored,
            "transformer: " + o.region().kind().id() + " at " + o.region().location() + " (" + o.rewrite() + "): " + oneLine(o.reason()));
      }
    }

    long t3 = System.nanoTime();
    Run expected = run(List.of(originalClasses), null);
    nanos[3] += System.nanoTime() - t3;
    if (expected == null) {
      return new Verdict(Outcome.INVALID, regions, rewritten, doctored, "generator: the original runs over " + timeoutSeconds + " s");
    }
    if (expected.exit != 0) {
      return new Verdict(Outcome.INVALID, regions, rewritten, doctored, "generator: the original exits with " + expected.exit
          + ": " + oneLine(expected.stderr));
    }
    if (result.files().isEmpty()) return new Verdict(Outcome.PASS, regions, rewritten, doctored, "");

    Path rewrittenTree = base.resolve("rewritten");
    TreeWriter.writeCopy(src, rewrittenTree, result.files());
    Path runtime = CompileCheck.runtimeLocation();
    Path rewrittenClasses = base.resolve("rewritten-classes");
    long t4 = System.nanoTime();
    try {
      ProgramRunner.compile(rewrittenTree, rewrittenClasses, List.of(runtime));
      nanos[2] += System.nanoTime() - t4;
    } catch (IllegalStateException e) {
      return new Verdict(Outcome.NONCOMPILING, regions, rewritten, doctored,
          "transformer: the rewrite passed the compile check but does not compile: " + oneLine(e.getMessage()));
    }
    for (Config config : CONFIGS) {
      long t5 = System.nanoTime();
      Run actual = run(List.of(rewrittenClasses, runtime), config.workers(), config.stress(), config.warmup());
      nanos[3] += System.nanoTime() - t5;
      if (actual == null) {
        return new Verdict(Outcome.TIMEOUT, regions, rewritten, doctored,
            "rewrite: no exit after " + timeoutSeconds + " s with " + config.describe());
      }
      String diff = difference(expected, actual);
      if (diff != null) {
        return new Verdict(Outcome.MISMATCH, regions, rewritten, doctored, "rewrite: with " + config.describe() + ": " + diff);
      }
    }
    return new Verdict(Outcome.PASS, regions, rewritten, doctored, "");
  }

  private record Run(int exit, String stdout, String stderr) {}

  /** Null on timeout. */
  private Run run(List<Path> classpath, Integer workers) throws IOException, InterruptedException {
    return run(classpath, workers, false, true);
  }

  /** Null on timeout. */
  private Run run(List<Path> classpath, Integer workers, boolean stress, boolean warmup) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // startup dominates these runs: C1 only, serial GC, no perf data
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:-UsePerfData");
    command.add("-Xss16m");
    if (workers != null) command.add("-Dweft.parallelism=" + workers);
    if (stress) command.add("-Dweft.stress=true");
    if (!warmup) command.add("-Dweft.warmupMs=0");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(MAIN);
    Path dir = classpath.get(0).getParent();
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return null;
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
        Files.readString(err, StandardCharsets.ISO_8859_1));
  }

  /** Null when byte-identical; otherwise which stream differs and its first differing line. */
  private static String difference(Run expected, Run actual) {
    if (expected.exit != actual.exit) {
      return "exit " + actual.exit + " instead of " + expected.exit + "; stderr: " + oneLine(actual.stderr);
    }
    if (!expected.stdout.equals(actual.stdout)) return "stdout " + firstDifference(expected.stdout, actual.stdout);
    if (!expected.stderr.equals(actual.stderr)) return "stderr " + firstDifference(expected.stderr, actual.stderr);
    return null;
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String l = i < x.length ? x[i] : "<end>";
      String r = i < y.length ? y[i] : "<end>";
      if (!l.equals(r)) return "line " + (i + 1) + ": expected '" + clip(l) + "', got '" + clip(r) + "'";
    }
    return "(line endings)";
  }

  private static String clip(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }

  static String oneLine(String s) {
    if (s == null) return "";
    String t = s.strip().replace('\n', ' ').replace('\r', ' ');
    return t.length() > 400 ? t.substring(0, 400) + "…" : t;
  }

  private static String at(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    return st.length == 0 ? "" : " at " + st[0];
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
