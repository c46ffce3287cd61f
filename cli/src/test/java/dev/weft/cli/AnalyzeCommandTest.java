package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.LoopShape;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.analyzer.findings.Witness;
import dev.weft.analyzer.report.JsonReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** What a user sees: exit code, stdout, stderr. */
  record Run(int code, String out, String err) {
    void assertNoStackTrace() {
      assertFalse(err.contains("\tat "), "no stack trace: " + err);
      assertFalse(err.contains("Exception"), "no exception class names: " + err);
    }
  }

  /**
   * Runs {@code weft args…} with the real analyzer, exactly as {@link Main} does but without
   * exiting.
   */
  static Run weft(String... args) {
    return run(WeftCommand.newCommandLine(), args);
  }

  /** Runs {@code weft args…} with {@code analysis} standing in for the analyzer. */
  static Run weftWith(AnalyzeCommand.Analysis analysis, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            return cls == AnalyzeCommand.class
                ? cls.cast(new AnalyzeCommand(analysis))
                : CommandLine.defaultFactory().create(cls);
          }
        };
    return run(WeftCommand.newCommandLine(factory), args);
  }

  private static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path projectWithOneClass(String dirName) throws IOException {
    Path dir = tmp.resolve(dirName);
    Path pkg = Files.createDirectories(dir.resolve("src/main/java/demo"));
    Files.writeString(
        pkg.resolve("Sum.java"),
        "package demo;\nclass Sum {\n  static long sum(int[] a) {\n    long s = 0;\n"
            + "    for (int i = 0; i < a.length; i++) s += a[i];\n    return s;\n  }\n}\n");
    return dir;
  }

  static Report sampleReport(Path root) {
    SourceLocation loop = new SourceLocation("src/main/java/demo/Sum.java", 5, 5);
    Region region =
        new Region(
            RegionKind.REDUCTION,
            loop,
            "demo.Sum.sum(int[])",
            100_000,
            4,
            new LoopShape(false, "int", "i", "0", "<", "a.length", "1", null),
            ImmutableList.of(new Accumulator("s", "long", Accumulator.Shape.SCALAR, "+", "0L")),
            ImmutableList.of(),
            ImmutableList.of("s += a[i] is the only use of s: a reduction with +"),
            ImmutableList.of(),
            false);
    Rejection rejection =
        new Rejection(
            "loop",
            new SourceLocation("src/main/java/demo/Sum.java", 9, 5),
            "demo.Sum.print(int[])",
            ImmutableList.of(
                new Blocker(
                    "IoInRegion",
                    "prints to System.out",
                    Witness.at(
                        new SourceLocation("src/main/java/demo/Sum.java", 10, 7),
                        "System.out.println(x)"),
                    "collect the lines and print them after the loop")));
    return new Report(
        root.toAbsolutePath().toString(),
        1,
        ImmutableList.of(region),
        ImmutableList.of(rejection),
        ImmutableList.of(),
        ImmutableSortedMap.of("IoInRegion", 1),
        0.25);
  }

  // ---- help and usage --------------------------------------------------------------------

  @Test
  void analyzeHelpMentionsEveryOptionAndTheExitCodes() {
    Run r = weft("analyze", "--help");
    assertEquals(0, r.code());
    for (String option :
        List.of(
            "DIR",
            "--format",
            "--output",
            "--source-root",
            "--classpath",
            "--allow-fp-reassoc",
            "--min-work",
            "--debug",
            "--help",
            "--version",
            "Exit codes",
            "20000")) {
      assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
    }
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    Run r = weft("--help");
    assertEquals(0, r.code());
    for (String s : List.of("analyze", "rewrite", "--version", "Exit codes", "usage error")) {
      assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
    }
  }

  @Test
  void versionComesFromTheBuild() {
    Run r = weft("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("(?s)weft \\d+\\.\\d+\\.\\d+.*"), r.out());
  }

  @Test
  void noCommandIsAUsageError() {
    Run r = weft();
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("weft: missing command"), r.err());
    assertTrue(r.err().contains("analyze"), r.err());
  }

  @Test
  void unknownOptionIsAUsageError() throws IOException {
    Run r = weft("analyze", projectWithOneClass("p").toString(), "--frobnicate");
    assertEquals(2, r.code());
    assertEquals(
        "weft: Unknown option: '--frobnicate'\nTry 'weft analyze --help' for the options.\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void plainPicocliCommandLineGivesTheSameExitCodes() throws IOException {
    // STYLE.md §8: the bare CommandLine is testable too; only the usage text is longer
    Run r = run(new CommandLine(new WeftCommand()), "analyze", "--frobnicate", ".");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Unknown option: '--frobnicate'\nUsage: weft analyze"), r.err());
    Path missing = tmp.resolve("missing");
    r = run(new CommandLine(new WeftCommand()), "analyze", missing.toString());
    assertEquals(1, r.code());
    assertEquals("weft: no such directory: " + missing + "\n", r.err());
    r = run(new CommandLine(new WeftCommand()), "analyze", projectWithOneClass("p").toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void badFormatAndNegativeMinWorkAreUsageErrors() throws IOException {
    String dir = projectWithOneClass("p").toString();
    Run r = weft("analyze", dir, "--format", "xml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("expected one of [text, json]"), r.err());
    r = weft("analyze", dir, "--min-work", "-5");
    assertEquals(2, r.code());
    assertEquals(
        "weft: --min-work must be 0 or more, not -5\nTry 'weft analyze --help' for the options.\n",
        r.err());
    assertEquals(2, weft("analyze").code(), "DIR is required");
  }

  // ---- bad input: exit 1, one line naming the path -------------------------------------

  @Test
  void missingDirectory() {
    Path missing = tmp.resolve("no such project");
    Run r = weft("analyze", missing.toString());
    assertEquals(1, r.code());
    assertEquals("weft: no such directory: " + missing + "\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void fileInsteadOfDirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("Sum.java"), "class Sum {}\n");
    Run r = weft("analyze", file.toString());
    assertEquals(1, r.code());
    assertEquals(
        "weft: not a directory: " + file + " (the directory to analyse must be a directory)\n",
        r.err());
  }

  @Test
  void directoryWithoutJavaFiles() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty/src"));
    Files.writeString(empty.resolve("notes.txt"), "no code here\n");
    Run r = weft("analyze", empty.getParent().toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("weft: no Java files under " + empty.getParent() + " "), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void missingSourceRoot() throws IOException {
    Path dir = projectWithOneClass("p");
    Run r = weft("analyze", dir.toString(), "--source-root", dir.resolve("src/gen").toString());
    assertEquals(1, r.code());
    assertEquals("weft: no such directory: " + dir.resolve("src/gen") + "\n", r.err());
  }

  @Test
  void analysisExceptionIsOneLineWithoutStackTrace() throws IOException {
    Path dir = projectWithOneClass("p");
    Run r =
        weftWith(
            (o, d) -> {
              throw new AnalysisException(
                  "cannot read the classpath entry /x/lib.jar: not a zip file");
            },
            "analyze",
            dir.toString());
    assertEquals(1, r.code());
    assertEquals("weft: cannot read the classpath entry /x/lib.jar: not a zip file\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void internalErrorHintsAtDebug() throws IOException {
    Path dir = projectWithOneClass("p");
    AnalyzeCommand.Analysis broken =
        (o, d) -> {
          throw new IllegalStateException("boom");
        };
    Run r = weftWith(broken, "analyze", dir.toString());
    assertEquals(1, r.code());
    assertEquals(
        "weft: internal error (a bug in weft): IllegalStateException: boom\n"
            + "weft: run with --debug for the stack trace\n",
        r.err());

    for (List<String> args :
        List.of(
            List.of("analyze", dir.toString(), "--debug"),
            List.of("--debug", "analyze", dir.toString()))) {
      r = weftWith(broken, args.toArray(String[]::new));
      assertEquals(1, r.code());
      assertTrue(r.err().contains("java.lang.IllegalStateException: boom\n\tat "), r.err());
    }
  }

  // ---- output ----------------------------------------------------------------------------

  @Test
  void jsonOutputParsesAndHasTheDocumentedFields() throws IOException {
    Path dir = projectWithOneClass("my project");
    Run r = weft("analyze", dir.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(1, root.get("weft").intValue());
    assertNotNull(root.get("root").textValue());
    for (String f :
        List.of("files", "regions", "rejected", "problems", "byKind", "byBlocker", "seconds")) {
      assertNotNull(root.get("summary").get(f), "summary." + f);
    }
    for (String f : List.of("regions", "rejected", "problems")) {
      assertTrue(root.get(f).isArray(), f);
    }
  }

  @Test
  void jsonOutputCarriesRegionsAndBlockers() throws IOException {
    Path dir = projectWithOneClass("p");
    Run r = weftWith((o, d) -> sampleReport(d), "analyze", dir.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    JsonNode region = root.get("regions").get(0);
    assertEquals("Reduction", region.get("kind").textValue());
    assertEquals("src/main/java/demo/Sum.java", region.get("file").textValue());
    assertEquals(5, region.get("line").intValue());
    assertEquals(100_000, region.get("work").longValue());
    assertEquals("s", region.get("accumulators").get(0).get("variable").textValue());
    JsonNode blocker = root.get("rejected").get(0).get("blockers").get(0);
    assertEquals("IoInRegion", blocker.get("id").textValue());
    assertEquals(10, blocker.get("witness").get("line").intValue());
    assertEquals(1, root.get("summary").get("byKind").get("Reduction").intValue());
    assertEquals(
        sampleReport(dir),
        JsonReport.fromJson(r.out()),
        "the transformer reads back what we print");
  }

  @Test
  void textOutputIsTheReadableReport() throws IOException {
    Path dir = projectWithOneClass("p");
    Run r = weftWith((o, d) -> sampleReport(d), "analyze", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 region: Reduction 1\n"), r.out());
    assertTrue(
        r.out()
            .contains("src/main/java/demo/Sum.java:9 [blocked: IoInRegion] prints to System.out\n"),
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void outputWritesTheFileAndNothingElse() throws IOException {
    Path dir = projectWithOneClass("p");
    Path reports = Files.createDirectories(tmp.resolve("reports dir"));
    Path file = reports.resolve("weft.json");
    Files.writeString(file, "old content that must be replaced\n");
    Run r =
        weftWith(
            (o, d) -> sampleReport(d),
            "analyze",
            dir.toString(),
            "--format",
            "json",
            "--output",
            file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
    assertEquals(sampleReport(dir), JsonReport.fromJson(Files.readString(file)));
    try (Stream<Path> files = Files.list(reports)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void outputIntoMissingDirectoryFailsBeforeAnalysing() throws IOException {
    Path dir = projectWithOneClass("p");
    Path file = tmp.resolve("nowhere/report.txt");
    Run r =
        weftWith(
            (o, d) -> fail("must not analyse when the report cannot be written"),
            "analyze",
            dir.toString(),
            "-o",
            file.toString());
    assertEquals(1, r.code());
    assertEquals(
        "weft: cannot write to "
            + file
            + ": directory "
            + tmp.resolve("nowhere")
            + " does not exist\n",
        r.err());
    assertFalse(Files.exists(tmp.resolve("nowhere")));
  }

  @Test
  void outputOntoADirectoryIsRefused() throws IOException {
    Path dir = projectWithOneClass("p");
    Run r = weft("analyze", dir.toString(), "--output", tmp.toString());
    assertEquals(1, r.code());
    assertEquals("weft: cannot write to " + tmp + ": it is a directory\n", r.err());
  }

  @Test
  void optionsReachTheAnalyzer() throws IOException {
    Path dir = projectWithOneClass("p");
    Path gen = Files.createDirectories(dir.resolve("src/gen"));
    Files.writeString(gen.resolve("G.java"), "class G {}\n");
    List<AnalysisOptions> seen = new ArrayList<>();
    Run r =
        weftWith(
            (o, d) -> {
              seen.add(o);
              return sampleReport(d);
            },
            "analyze",
            dir.toString(),
            "--source-root",
            dir.resolve("src/main/java").toString(),
            "--source-root",
            gen.toString(),
            "--classpath",
            "/lib/a.jar" + java.io.File.pathSeparator + "/lib/my classes",
            "--allow-fp-reassoc",
            "--min-work",
            "0");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        new AnalysisOptions(
            ImmutableList.of(dir.resolve("src/main/java"), gen),
            ImmutableList.of(Path.of("/lib/a.jar"), Path.of("/lib/my classes")),
            true,
            0),
        seen.get(0));
    seen.clear();
    weftWith(
        (o, d) -> {
          seen.add(o);
          return sampleReport(d);
        },
        "analyze",
        dir.toString());
    assertEquals(AnalysisOptions.defaults(), seen.get(0));
  }
}
