package dev.weft.cli.badinput;

import static dev.weft.cli.badinput.BadInputs.snapshot;
import static dev.weft.cli.badinput.BadInputs.sum;
import static dev.weft.cli.badinput.BadInputs.unresolvedUses;
import static dev.weft.cli.badinput.BadInputs.weft;
import static dev.weft.cli.badinput.BadInputs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.badinput.BadInputs.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft analyze} on bad input: each case has a defined exit status and a message that names
 * the file; a file the analysis cannot use is a problem in the report, never the end of the run;
 * the analysed tree is never written.
 */
class AnalyzeBadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** {@code weft analyze --format json --min-work 0 DIR}: exit 0, tree unchanged, the report. */
  private JsonNode analyze(Path dir, String... extra) throws Exception {
    Map<String, String> before = snapshot(dir);
    List<String> args = new ArrayList<>(List.of("analyze", dir.toString(), "--format", "json", "--min-work", "0"));
    args.addAll(List.of(extra));
    Run r = weft(args.toArray(String[]::new));
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    assertEquals(before, snapshot(dir), "analyze writes nothing in the tree");
    return JSON.readTree(r.out());
  }

  private static List<String> problems(JsonNode report) {
    List<String> p = new ArrayList<>();
    report.get("problems").forEach(n -> p.add(n.get("file").asText() + ":" + n.get("line").asInt() + ": " + n.get("message").asText()));
    return p;
  }

  private static List<String> regions(JsonNode report) {
    List<String> p = new ArrayList<>();
    report.get("regions").forEach(n -> p.add(n.get("file").asText() + ":" + n.get("line").asInt() + " " + n.get("kind").asText()));
    return p;
  }

  @Test
  void aFileThatDoesNotParseIsAProblemAndTheOthersAreAnalysed() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    write(tmp.resolve("Broken.java"), "class Broken {\n  void f( {\n}\n");
    JsonNode report = analyze(tmp);
    assertEquals(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction"), regions(report));
    // One short line: JavaParser's ~50 expected tokens cut to the first five; javac's lines about
    // the same file would only repeat it.
    assertEquals(List.of(
            "Broken.java:2: does not parse: Found \"{\", expected one of \")\" \"@\" \"_\" \"abstract\" \"assert\" ..."),
        problems(report));
  }

  @Test
  void aByteOrderMarkIsNotAProblem() throws Exception {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] body = sum("Sum").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    Files.write(tmp.resolve("Sum.java"), all);
    JsonNode report = analyze(tmp);
    assertEquals(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction"), regions(report));
    // javac itself rejects a byte-order mark; the in-process compile strips it first.
    assertEquals(List.of(), problems(report));
  }

  static byte[] withBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[body.length + 3];
    all[0] = (byte) 0xef;
    all[1] = (byte) 0xbb;
    all[2] = (byte) 0xbf;
    System.arraycopy(body, 0, all, 3, body.length);
    return all;
  }

  @Test
  void crlfAndMixedLineEndingsGiveTheSameLines() throws Exception {
    write(tmp.resolve("Crlf.java"), sum("Crlf").replace("\n", "\r\n"));
    String mixed = sum("Mixed");
    // every other line ends in CRLF, one in a lone CR (old Mac)
    StringBuilder b = new StringBuilder();
    String[] lines = mixed.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      b.append(lines[i]);
      if (i < lines.length - 1) b.append(i == 3 ? "\r" : i % 2 == 0 ? "\r\n" : "\n");
    }
    write(tmp.resolve("Mixed.java"), b.toString());
    JsonNode report = analyze(tmp);
    assertEquals(List.of("Crlf.java:6 DoallLoop", "Crlf.java:10 Reduction", "Mixed.java:6 DoallLoop", "Mixed.java:10 Reduction"),
        regions(report));
    assertEquals(List.of(), problems(report));
  }

  @Test
  void latin1BytesAreAProblemNamingTheFile() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    Files.write(tmp.resolve("Cafe.java"), ("// caf\u00e9\n" + sum("Cafe")).getBytes(StandardCharsets.ISO_8859_1));
    JsonNode report = analyze(tmp);
    assertEquals(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction"), regions(report));
    assertEquals(List.of("Cafe.java:0: not UTF-8"), problems(report));
  }

  @Test
  void anEmptyFileIsAnalysedAsNothing() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    write(tmp.resolve("Empty.java"), "");
    JsonNode report = analyze(tmp);
    assertEquals(2, report.get("summary").get("files").asInt());
    assertEquals(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction"), regions(report));
    assertEquals(List.of(), problems(report));
  }

  @Test
  void onlyAnEmptyFileStillRuns() throws Exception {
    write(tmp.resolve("Empty.java"), "");
    JsonNode report = analyze(tmp);
    assertEquals(List.of(), regions(report));
  }

  /** 5 MB in one file: mostly comment, 300 methods with a loop each. Must finish in seconds. */
  @Test
  void aFiveMegabyteFileFinishes() throws Exception {
    StringBuilder b = new StringBuilder("public class Big {\n");
    for (int m = 0; m < 300; m++) {
      b.append("  static void m").append(m).append("(int[] a) {\n")
          .append("    for (int i = 0; i < a.length; i++) {\n      a[i] = i * ").append(m).append(";\n    }\n  }\n");
    }
    String filler = "  // generated filler line to make this file large, as generated parsers and tables are\n";
    while (b.length() < 5_000_000) b.append(filler);
    b.append("}\n");
    write(tmp.resolve("Big.java"), b.toString());
    assertTrue(Files.size(tmp.resolve("Big.java")) >= 5_000_000);
    JsonNode report = analyze(tmp);
    assertEquals(300, report.get("regions").size());
    assertEquals(List.of(), problems(report));
  }

  @Test
  void aDirectorySymlinkLoopIsNotFollowed() throws Exception {
    write(tmp.resolve("p/Sum.java"), sum("Sum"));
    Files.createSymbolicLink(tmp.resolve("p/loop"), tmp.resolve("p"));
    Files.createSymbolicLink(tmp.resolve("self"), Path.of("."));
    JsonNode report = analyze(tmp);
    assertEquals(List.of("p/Sum.java:6 DoallLoop", "p/Sum.java:10 Reduction"), regions(report));
    assertEquals(List.of(), problems(report));
  }

  @Test
  void aMissingClasspathEntryIsAOneLineError() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    Path missing = tmp.resolve("lib/missing.jar");
    Run r = weft("analyze", tmp.toString(), "--classpath", missing.toString());
    r.assertOneLineError("classpath entry does not exist: " + missing);
    assertEquals("", r.out());
  }

  @Test
  void aClassThatDoesNotResolveIsAProblemAndTheRunGoesOn() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    write(tmp.resolve("Uses.java"), unresolvedUses(""));
    JsonNode report = analyze(tmp);
    assertTrue(regions(report).containsAll(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction")), regions(report).toString());
    // The loop over Gadget.weigh may not be accepted: an unknown callee has unknown effects.
    assertTrue(regions(report).stream().noneMatch(r -> r.startsWith("Uses.java")), regions(report).toString());
    // The loop is still judged, and one of its blockers says what could not be resolved.
    List<String> blockers = new ArrayList<>();
    for (JsonNode rej : report.get("rejected")) {
      if (!rej.get("file").asText().equals("Uses.java")) continue;
      rej.get("blockers").forEach(b -> blockers.add(rej.get("line").asInt() + " " + b.get("id").asText() + ": " + b.get("message").asText()));
    }
    assertTrue(blockers.stream().anyMatch(b -> b.startsWith("6 UnresolvedSymbol: ") && b.contains("Gadget.weigh")), blockers.toString());
    assertTrue(problems(report).contains("Uses.java:1: does not compile: package com.example.nowhere does not exist"),
        problems(report).toString());
  }

  @Test
  void moduleInfoIsIgnored() throws Exception {
    write(tmp.resolve("module-info.java"), "module demo {\n  exports demo;\n}\n");
    write(tmp.resolve("demo/Sum.java"), "package demo;\n\n" + sum("Sum"));
    JsonNode report = analyze(tmp);
    assertEquals(List.of("demo/Sum.java:8 DoallLoop", "demo/Sum.java:12 Reduction"), regions(report));
    assertEquals(List.of(), problems(report));
  }

  @Test
  void java21CodeIsAnalysedOrReportedButNeverStopsTheRun() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    write(tmp.resolve("Modern.java"), """
        public class Modern {
          sealed interface Shape permits Circle, Square {}
          record Circle(double r) implements Shape {}
          record Square(double side) implements Shape {}

          static double area(Shape s) {
            return switch (s) {
              case Circle c -> Math.PI * c.r() * c.r();
              case Square q -> q.side() * q.side();
            };
          }

          static final String TEXT = \"""
              a text block
              \""";

          static long total(int[] a) {
            long s = 0;
            for (int i = 0; i < a.length; i++) {
              s += a[i] * 2L;
            }
            return s;
          }
        }
        """);
    JsonNode report = analyze(tmp);
    assertTrue(regions(report).containsAll(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction")), regions(report).toString());
    // Java 21 parses; on a JDK 17 the in-process compile of switch patterns fails, so the file is
    // either analysed or a "does not compile" problem that names it, never a crash.
    boolean analysed = regions(report).contains("Modern.java:19 Reduction");
    List<String> modern = problems(report).stream().filter(p -> p.startsWith("Modern.java:")).toList();
    assertTrue(analysed || !modern.isEmpty(), report.toString());
    assertTrue(modern.stream().noneMatch(p -> p.contains("does not parse")), modern.toString());
  }

  @Test
  void aPathWithSpacesAndNonAsciiCharacters() throws Exception {
    Path dir = tmp.resolve("my project/Ünïcødé dir");
    write(dir.resolve("Sum.java"), sum("Sum"));
    JsonNode report = analyze(dir);
    assertEquals(dir.toAbsolutePath().normalize().toString(), report.get("root").asText());
    assertEquals(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction"), regions(report));
    Run missing = weft("analyze", tmp.resolve("my project/Ünïcødé nöwhere").toString());
    missing.assertOneLineError("no such directory: " + tmp.resolve("my project/Ünïcødé nöwhere"));
  }

  /** A report write killed before its move leaves a temporary file; the next write removes it. */
  @Test
  void aStaleTemporaryReportFileIsRemoved() throws Exception {
    Path project = tmp.resolve("project");
    write(project.resolve("Sum.java"), sum("Sum"));
    Path stale = write(tmp.resolve(".report.json.123456.tmp"), "{\"weft\": 1, \"summ");
    Path unrelated = write(tmp.resolve(".report.json.notours.tmp"), "kept");
    Run r = weft("analyze", project.toString(), "--format", "json", "--output", tmp.resolve("report.json").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.notExists(stale));
    assertTrue(Files.exists(unrelated));
    assertEquals(1, JSON.readTree(tmp.resolve("report.json").toFile()).get("weft").asInt());
  }

  /** A link to a file outside the tree is read (the user linked it in), never written. */
  @Test
  void aSymlinkOutsideTheTreeIsReadOnly() throws Exception {
    Path project = tmp.resolve("project");
    Path outside = tmp.resolve("outside");
    write(project.resolve("Sum.java"), sum("Sum"));
    write(outside.resolve("Ext.java"), sum("Ext"));
    write(outside.resolve("dir/Far.java"), sum("Far"));
    Files.createSymbolicLink(project.resolve("Ext.java"), outside.resolve("Ext.java"));
    Files.createSymbolicLink(project.resolve("far"), outside.resolve("dir"));
    Map<String, String> outsideBefore = snapshot(outside);
    JsonNode report = analyze(project);
    // A directory link is not followed (as for loops); a file link is read.
    assertTrue(regions(report).stream().noneMatch(r -> r.startsWith("far/")), regions(report).toString());
    assertTrue(regions(report).containsAll(List.of("Sum.java:6 DoallLoop", "Sum.java:10 Reduction")), regions(report).toString());
    assertEquals(outsideBefore, snapshot(outside));
  }
}
