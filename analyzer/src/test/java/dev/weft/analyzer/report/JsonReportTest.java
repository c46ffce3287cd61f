package dev.weft.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import dev.weft.analyzer.findings.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void roundTripGivesTheSameReport() throws IOException {
    Report report = SampleReports.full();
    assertEquals(report, JsonReport.fromJson(JsonReport.toJson(report)));
    assertEquals(
        SampleReports.empty(), JsonReport.fromJson(JsonReport.toJson(SampleReports.empty())));
  }

  @Test
  void savedReportIsReadBackFromAFile(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("weft report.json"), JsonReport.toJson(SampleReports.full()));
    assertEquals(SampleReports.full(), JsonReport.read(file));
  }

  @Test
  void writingTwiceGivesTheSameBytes() throws IOException {
    String once = JsonReport.toJson(SampleReports.full());
    assertEquals(once, JsonReport.toJson(JsonReport.fromJson(once)));
  }

  @Test
  void topLevelAndSummaryFieldsAreInTheDocumentedOrder() throws IOException {
    JsonNode root = MAPPER.readTree(JsonReport.toJson(SampleReports.full()));
    assertEquals(
        List.of("weft", "root", "summary", "regions", "rejected", "problems"), names(root));
    assertEquals(1, root.get("weft").intValue());
    assertEquals("/home/me/my project", root.get("root").textValue());
    JsonNode summary = root.get("summary");
    assertEquals(
        List.of("files", "regions", "rejected", "problems", "byKind", "byBlocker", "seconds"),
        names(summary));
    assertEquals(12, summary.get("files").intValue());
    assertEquals(3, summary.get("regions").intValue());
    assertEquals(2, summary.get("rejected").intValue());
    assertEquals(1, summary.get("problems").intValue());
    // every kind, zeros included, so consumers can rely on the keys
    assertEquals(
        List.of(
            "DoallLoop",
            "Reduction",
            "ArrayReduction",
            "OrderedAppend",
            "KeyedReduction",
            "IndependentCalls",
            "DivideAndConquer"),
        names(summary.get("byKind")));
    assertEquals(1, summary.get("byKind").get("Reduction").intValue());
    assertEquals(0, summary.get("byKind").get("KeyedReduction").intValue());
    assertEquals(
        List.of("IoInRegion", "LoopCarriedDependence", "UnresolvedSymbol"),
        names(summary.get("byBlocker")));
  }

  @Test
  void regionHasTheDocumentedFields() throws IOException {
    JsonNode region =
        MAPPER.readTree(JsonReport.toJson(SampleReports.full())).get("regions").get(0);
    assertEquals(
        List.of(
            "kind",
            "file",
            "line",
            "column",
            "method",
            "work",
            "workPerIteration",
            "loop",
            "accumulators",
            "captures",
            "facts",
            "runtimeChecks",
            "needsFpReassociation"),
        names(region));
    assertEquals("DoallLoop", region.get("kind").textValue());
    assertEquals(SampleReports.KERNELS, region.get("file").textValue());
    assertEquals(14, region.get("line").intValue());
    assertEquals(1_000_000, region.get("work").longValue());
    assertEquals("out.length", region.get("loop").get("to").textValue());
    assertTrue(region.get("loop").get("iterable").isNull());
    assertEquals("out != in", region.get("runtimeChecks").get(0).textValue());

    JsonNode reduction =
        MAPPER.readTree(JsonReport.toJson(SampleReports.full())).get("regions").get(1);
    JsonNode sum = reduction.get("accumulators").get(0);
    assertEquals(List.of("variable", "type", "shape", "operator", "identity"), names(sum));
    assertEquals("SCALAR", sum.get("shape").textValue());
    assertTrue(reduction.get("needsFpReassociation").booleanValue());

    JsonNode calls = MAPPER.readTree(JsonReport.toJson(SampleReports.full())).get("regions").get(2);
    assertTrue(calls.get("loop").isNull(), "a non-loop region has loop: null, not a missing field");
  }

  @Test
  void rejectionHasBlockersWithWitnessAndCallChain() throws IOException {
    JsonNode rejected = MAPPER.readTree(JsonReport.toJson(SampleReports.full())).get("rejected");
    JsonNode loop = rejected.get(0);
    assertEquals(List.of("candidate", "file", "line", "column", "method", "blockers"), names(loop));
    JsonNode io = loop.get("blockers").get(1);
    assertEquals(List.of("id", "message", "hint", "witness"), names(io));
    assertEquals("IoInRegion", io.get("id").textValue());
    assertEquals(List.of("file", "line", "column", "code", "callChain"), names(io.get("witness")));
    assertEquals(32, io.get("witness").get("line").intValue());
    assertEquals(
        "java.io.PrintStream.println(int)", io.get("witness").get("callChain").get(1).textValue());
    assertTrue(rejected.get(1).get("blockers").get(0).get("witness").isNull());
  }

  @Test
  void nonAsciiIsEscapedAndReadBack() throws IOException {
    String json = JsonReport.toJson(SampleReports.full());
    assertFalse(json.chars().anyMatch(c -> c > 127), "output is pure ASCII");
    assertTrue(json.contains("F\\u00FC\\u00DFe"), json);
    assertEquals(
        "cannot resolve Füße",
        JsonReport.fromJson(json).rejected().get(1).blockers().get(0).message());
  }

  @Test
  void readerNamesTheBadField() {
    String json =
        JsonReport.toJson(SampleReports.full())
            .replace("\"kind\" : \"DoallLoop\"", "\"kind\" : \"Fast\"");
    IOException e = assertThrows(IOException.class, () -> JsonReport.fromJson(json));
    assertEquals(
        "not a weft report: regions[0].kind: unknown region kind \"Fast\"", e.getMessage());

    String noLine = JsonReport.toJson(SampleReports.full()).replace("\"line\" : 31,", "");
    e = assertThrows(IOException.class, () -> JsonReport.fromJson(noLine));
    assertEquals(
        "not a weft report: rejected[0].blockers[0].witness.line: missing", e.getMessage());
  }

  @Test
  void readerRefusesOtherVersionsAndNonReports() {
    String v2 = JsonReport.toJson(SampleReports.empty()).replace("\"weft\" : 1", "\"weft\" : 2");
    IOException e = assertThrows(IOException.class, () -> JsonReport.fromJson(v2));
    assertEquals(
        "unsupported weft report format version 2 (this weft reads version 1)", e.getMessage());
    e = assertThrows(IOException.class, () -> JsonReport.fromJson("[1, 2]"));
    assertEquals("not a weft report: expected a JSON object", e.getMessage());
    e = assertThrows(IOException.class, () -> JsonReport.fromJson("{\"regions\": ["));
    assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
  }

  @Test
  void readerIgnoresFieldsAddedByANewerWriter() throws IOException {
    String json =
        JsonReport.toJson(SampleReports.full())
            .replace("\"kind\" : \"DoallLoop\",", "\"kind\" : \"DoallLoop\", \"speedup\" : 1.9,");
    assertEquals(SampleReports.full(), JsonReport.fromJson(json));
  }

  private static ImmutableList<String> names(JsonNode node) {
    return ImmutableList.copyOf(Lists.newArrayList(node.fieldNames()));
  }
}
