package dev.weft.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus: every program compiles and prints the same thing twice; every finding site carries a
 * marker; and the analyzer's findings match the markers (precision/recall printed per kind and
 * blocker id).
 */
class CorpusTest {

  private static final Path PROGRAMS = Corpus.programsDir();
  private static final ImmutableList<Program> MANIFEST = Program.load(PROGRAMS);
  private static final ImmutableSet<String> LOOP_KINDS =
      ImmutableSet.of("DoallLoop", "Reduction", "ArrayReduction", "OrderedAppend", "KeyedReduction");
  /** DESIGN.md / issue 5: the demo must cover these kernels. */
  private static final ImmutableSet<String> DEMO_KERNELS =
      ImmutableSet.of("matmul", "stencil", "mandelbrot", "nbody", "spectralnorm", "histogram",
          "wordfreq", "statistic", "fib", "mergesort");

  @TempDir static Path work;

  @Test
  void manifestListsEveryProgramDirectoryOnce() throws IOException {
    Set<String> dirs;
    try (Stream<Path> list = Files.list(PROGRAMS)) {
      dirs = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    List<String> listed = MANIFEST.stream().map(Program::dir).collect(Collectors.toList());
    assertEquals(dirs, new TreeSet<>(listed), "directories under programs/ vs programs.txt");
    assertEquals(listed.size(), new TreeSet<>(listed).size(), "a directory is listed twice");
    assertTrue(MANIFEST.size() >= 45, "at least 45 programs, found " + MANIFEST.size());
    for (Program p : MANIFEST) {
      assertTrue(Files.isRegularFile(PROGRAMS.resolve(p.dir()).resolve(p.mainClass() + ".java")),
          p.dir() + ": " + p.mainClass() + ".java not found");
    }
    Set<String> demos = MANIFEST.stream().filter(Program::isDemo).map(Program::dir).collect(Collectors.toSet());
    assertEquals(DEMO_KERNELS, demos, "programs with a demo= size");
  }

  @TestFactory
  Stream<DynamicTest> everyProgramCompilesAndPrintsTheSameTwice() {
    return MANIFEST.stream().map(p -> DynamicTest.dynamicTest(p.dir(), () -> compileAndRunTwice(p)));
  }

  private static void compileAndRunTwice(Program p) {
    Path classes = work.resolve("classes").resolve(p.dir());
    ProgramRunner.compile(PROGRAMS.resolve(p.dir()), classes, List.of());
    ProgramRunner.RunResult first = ProgramRunner.run(List.of(classes), p.mainClass(), p.args());
    ProgramRunner.RunResult second = ProgramRunner.run(List.of(classes), p.mainClass(), p.args());
    assertNull(first.thrown(), () -> p.dir() + " threw " + first.thrown());
    assertFalse(first.stdout().isBlank(), p.dir() + " printed nothing");
    assertEquals(first.stdout(), second.stdout(), p.dir() + ": output differs between two runs");
  }

  /**
   * Independent of the analyzer: markers parse, and they sit exactly on the lines where
   * analyzer/docs/findings.md says a finding must be (every loop not inside an accepted loop, every method with
   * two self-calls, every run of two or more calls), with a verdict that fits the site.
   */
  @Test
  void markersSitOnEveryFindingSiteAndNowhereElse() {
    List<String> errors = new ArrayList<>();
    for (Program p : MANIFEST) {
      Path dir = PROGRAMS.resolve(p.dir());
      ImmutableList<Marker> markers = MarkerParser.parseDirectory(dir);
      FindingSites.Result sites = FindingSites.of(dir, markers);
      sites.problems().forEach(s -> errors.add(p.dir() + "/" + s));
      Map<String, FindingSites.Site> byLine = new TreeMap<>();
      sites.sites().forEach(s -> byLine.put(s.file() + ":" + s.line(), s));
      Set<String> marked = new TreeSet<>();
      for (Marker m : markers) {
        marked.add(m.where());
        FindingSites.Site s = byLine.get(m.where());
        if (s == null) {
          errors.add(p.dir() + "/" + m.where() + ": marker [" + m.verdict() + "] but no loop, recursion or call run here");
        } else if (m.verdict().isAccepted() && !fits(s.kind(), m.verdict().kind())) {
          errors.add(p.dir() + "/" + m.where() + ": " + m.verdict().kind() + " on a " + s.kind() + " site");
        }
      }
      for (String where : byLine.keySet()) {
        if (!marked.contains(where)) {
          errors.add(p.dir() + "/" + where + ": " + byLine.get(where).kind() + " without a marker");
        }
      }
    }
    if (!errors.isEmpty()) {
      fail(errors.size() + " marker placement errors:\n" + String.join("\n", errors));
    }
  }

  private static boolean fits(FindingSites.Kind site, String kind) {
    switch (site) {
      case LOOP:
        return LOOP_KINDS.contains(kind);
      case CALLS:
        return kind.equals("IndependentCalls");
      default:
        return kind.equals("DivideAndConquer");
    }
  }

  /**
   * Part (b): the analyzer on each program, compared with the markers. Fails on any missing, extra
   * or different finding; always prints the precision/recall table first.
   *
   * <p>{@code -Dweft.corpus.only=fib,matmul} restricts the run to some programs;
   * {@code -Dweft.corpus.timeoutSeconds=N} (default 60) bounds one program's analysis, so that one
   * runaway analysis is reported as TIMEOUT instead of hanging the build. This is a guard, not a
   * timing assertion: it is far above what a healthy analysis of these small programs takes.
   */
  @Test
  void analyzerFindingsMatchMarkers() {
    Set<String> only = new TreeSet<>();
    for (String s : System.getProperty("weft.corpus.only", "").split(",")) {
      if (!s.isBlank()) {
        only.add(s.strip());
      }
    }
    long timeout = Long.getLong("weft.corpus.timeoutSeconds", 60);
    Analyzer analyzer = new Analyzer(AnalysisOptions.defaults());
    FindingComparison comparison = new FindingComparison();
    List<FindingComparison.Mismatch> mismatches = new ArrayList<>();
    int markerCount = 0;
    int programs = 0;
    for (Program p : MANIFEST) {
      if (!only.isEmpty() && !only.contains(p.dir())) {
        continue;
      }
      programs++;
      Path dir = PROGRAMS.resolve(p.dir());
      ImmutableList<Marker> markers = MarkerParser.parseDirectory(dir);
      markerCount += markers.size();
      FutureTask<Report> task = new FutureTask<>(() -> analyzer.analyze(dir));
      Thread worker = new Thread(task, "analyze-" + p.dir());
      worker.setDaemon(true);
      worker.start();
      Report report;
      try {
        report = task.get(timeout, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        worker.interrupt();
        mismatches.addAll(comparison.crashed(p.dir(), markers, new TimeoutException("analysis took over " + timeout + " s")));
        continue;
      } catch (ExecutionException e) {
        // One program must not hide the score of the others.
        mismatches.addAll(comparison.crashed(p.dir(), markers, e.getCause()));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      mismatches.addAll(comparison.compare(p.dir(), markers, report));
    }
    String table = comparison.table();
    String summary = "Corpus: " + programs + " programs, " + markerCount + " markers, "
        + mismatches.size() + " mismatches\n" + table;
    System.out.println(summary);
    writeFindingsFile(summary, mismatches);
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + " mismatches for " + markerCount + " markers:\n"
          + mismatches.stream().map(Object::toString).collect(Collectors.joining("\n"))
          + "\n\n" + table);
    }
  }

  /** Also keeps the last run's score in target/corpus-findings.txt, for people and for CI logs. */
  private static void writeFindingsFile(String summary, List<FindingComparison.Mismatch> mismatches) {
    Path target = PROGRAMS.getParent().resolve("target");
    try {
      Files.createDirectories(target);
      Files.writeString(target.resolve("corpus-findings.txt"), summary + "\n"
          + mismatches.stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n");
    } catch (IOException e) {
      System.err.println("could not write corpus-findings.txt: " + e);
    }
  }
}
