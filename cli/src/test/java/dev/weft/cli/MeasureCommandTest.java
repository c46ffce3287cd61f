package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.findings.Report;
import dev.weft.cli.measure.Measurer;
import dev.weft.transformer.RewriteResult;
import dev.weft.transformer.RewriteResult.FileChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MeasureCommandTest {

  /** A program with a loop that can run in parallel and a sum that must come out the same. */
  static final String SQUARES =
      """
      public class Squares {
        public static void main(String[] args) {
          int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
          long[] a = new long[n];
          for (int i = 0; i < n; i++) {
            a[i] = (long) i * i % 1000;
          }
          long total = 0;
          for (int i = 0; i < n; i++) {
            total += a[i];
          }
          System.out.println("n=" + n);
          System.out.println("total=" + total);
        }
      }
      """;

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run weft(Measurer.Analysis analysis, Measurer.Rewrite rewrite, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == MeasureCommand.class && analysis != null) return cls.cast(new MeasureCommand(analysis, rewrite));
            if (cls == DemoCommand.class && analysis != null) return cls.cast(new DemoCommand(analysis, rewrite));
            return CommandLine.defaultFactory().create(cls);
          }
        };
    CommandLine cl = WeftCommand.newCommandLine(factory);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Report emptyReport(Path dir) {
    return new Report(dir.toString(), 1, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
        ImmutableSortedMap.of(), 0.0);
  }

  /** Analysis stand-in: finds nothing, in no time (the pipeline around it is what is tested). */
  static final Measurer.Analysis NOTHING_FOUND = (options, dir) -> emptyReport(dir);

  /** Rewrite stand-in: changes nothing. */
  static final Measurer.Rewrite NO_CHANGE =
      (options, dir, report) -> new RewriteResult(dir.toString(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  private Path program(String name, String source) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve(name + ".java"), source);
    return dir;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void measuresTheRealRewriteEndToEnd() throws IOException {
    Path dir = program("Squares", SQUARES);
    List<String> before = listing(dir);

    Run r = weft(null, null, "measure", dir.toString(), "--main", "Squares", "--args", "20000", "--runs", "1", "--json");

    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.get("identical").asBoolean(), r.out());
    assertEquals(0, json.get("exitCode").asInt());
    assertEquals("20000", json.get("args").get(0).asText());
    assertTrue(json.get("regions").get("rewritten").asInt() >= 1, "some region rewritten: " + r.out());
    assertEquals(Runtime.getRuntime().availableProcessors(), json.get("cores").asInt());
    assertEquals(1, json.get("original").get("wallSeconds").size());
    assertEquals(1, json.get("weft").get("wallSeconds").size());
    assertTrue(json.get("speedup").asDouble() > 0);
    assertTrue(json.get("difference").isNull());
    assertTrue(r.err().contains("run 2/2 (weft)"), "progress on stderr: " + r.err());
    assertEquals(before, listing(dir), "the program's directory is only read");
  }

  @Test
  void theTableShowsTimesSpeedupCpuRatioCoresAndIdenticalOutput() throws IOException {
    Path dir = program("Squares", SQUARES);
    Run r = weft(NOTHING_FOUND, NO_CHANGE, "measure", dir.toString(), "--main", "Squares", "--runs", "1");

    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("regions     0 found, 0 rewritten"), out);
    assertTrue(out.contains(Plural.of(Runtime.getRuntime().availableProcessors(), "core")), out);
    assertTrue(out.contains("median wall"), out);
    assertTrue(out.contains("median CPU"), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("  original +\\d+\\.\\d{3} s +\\d+\\.\\d{3} s")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("  weft +\\d+\\.\\d{3} s +\\d+\\.\\d{3} s")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("  speed-up +\\d+\\.\\d\\dx  \\(paired runs: \\d+\\.\\d\\dx to \\d+\\.\\d\\dx\\)")), out);
    assertTrue(out.contains("CPU ratio"), out);
    assertTrue(out.contains("identical in all 4 runs (stdout, and exit status 0)"), out);
    assertEquals("", r.err().lines().filter(l -> l.startsWith("weft:")).findFirst().orElse(""));
  }

  @Test
  void differingOutputIsRefusedWithTheFirstDifferingLineOfEach() throws IOException {
    Path dir = program("Squares", SQUARES);
    Measurer.Rewrite wrong = (options, d, report) -> new RewriteResult(d.toString(),
        ImmutableList.of(new FileChange("Squares.java", SQUARES,
            SQUARES.replace("total += a[i];", "total += a[i] + 1;"), StandardCharsets.UTF_8, false)),
        ImmutableList.of(), ImmutableList.of());

    Run r = weft(NOTHING_FOUND, wrong, "measure", dir.toString(), "--main", "Squares", "--runs", "3");

    assertEquals(ExitCodes.FAILED, r.code());
    String out = r.out();
    assertTrue(out.contains("DIFFERENT: weft warm-up run did not behave as the original's first run"), out);
    assertTrue(out.contains("first differing stdout line, 2:"), out);
    assertTrue(out.contains("original: total=461500"), out);
    assertTrue(out.contains("weft:     total=462500"), out);
    assertTrue(out.contains("speed-up    not reported: the outputs differ"), out);
    assertFalse(out.matches("(?s).*\\d\\.\\d\\dx.*"), "no speed-up figure: " + out);
    assertTrue(r.err().contains("weft: the rewritten program did not behave as the original"), r.err());
    assertFalse(r.err().contains("run 1/6"), "stops at the first difference: " + r.err());
  }

  @Test
  void differingOutputInJsonHasNoSpeedup() throws IOException {
    Path dir = program("Squares", SQUARES);
    Measurer.Rewrite wrong = (options, d, report) -> new RewriteResult(d.toString(),
        ImmutableList.of(new FileChange("Squares.java", SQUARES,
            SQUARES.replace("System.out.println(\"n=\" + n);", "System.exit(3);"), StandardCharsets.UTF_8, false)),
        ImmutableList.of(), ImmutableList.of());

    Run r = weft(NOTHING_FOUND, wrong, "measure", dir.toString(), "--main", "Squares", "--json");

    assertEquals(ExitCodes.FAILED, r.code());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertFalse(json.get("identical").asBoolean());
    assertTrue(json.get("speedup").isNull());
    assertEquals(1, json.get("difference").get("line").asInt());
    assertEquals("n=1000", json.get("difference").get("original").asText());
    assertEquals(3, json.get("difference").get("otherExitCode").asInt());
  }

  @Test
  void aMissingMainClassIsOneLine() throws IOException {
    Path dir = program("Squares", SQUARES);
    Run r = weft(NOTHING_FOUND, NO_CHANGE, "measure", dir.toString(), "--main", "com.example.Nope");
    assertEquals(ExitCodes.FAILED, r.code());
    assertTrue(r.err().contains("weft: no class com.example.Nope in the sources under"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void sourcesThatDoNotCompileAreReported() throws IOException {
    Path dir = program("Broken", "public class Broken { void f() { int x = \"no\"; } }\n");
    Run r = weft(NOTHING_FOUND, NO_CHANGE, "measure", dir.toString(), "--main", "Broken");
    assertEquals(ExitCodes.FAILED, r.code());
    assertTrue(r.err().contains("weft: the original sources do not compile:"), r.err());
    assertTrue(r.err().contains("Broken.java:1:"), r.err());
  }

  @Test
  void usageErrors() throws IOException {
    Path dir = program("Squares", SQUARES);
    assertEquals(ExitCodes.USAGE, weft(NOTHING_FOUND, NO_CHANGE, "measure", dir.toString()).code());
    Run zero = weft(NOTHING_FOUND, NO_CHANGE, "measure", dir.toString(), "--main", "Squares", "--runs", "0");
    assertEquals(ExitCodes.USAGE, zero.code());
    assertTrue(zero.err().contains("--runs must be 1 or more, not 0"), zero.err());
    Run missing = weft(NOTHING_FOUND, NO_CHANGE, "measure", tmp.resolve("nope").toString(), "--main", "X");
    assertEquals(ExitCodes.FAILED, missing.code());
    assertTrue(missing.err().startsWith("weft: no such directory: "), missing.err());
  }
}
