package dev.weft.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.LoopShape;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.analyzer.findings.Witness;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON report: what {@code weft analyze --format json} prints and what {@code weft rewrite}
 * reads back. Format version {@value #FORMAT_VERSION}; fields appear in this order, always (absent
 * values are {@code null}, never left out):
 *
 * <pre>
 * { "weft": 1, "root": "/abs/dir",
 *   "summary": { "files", "regions", "rejected", "problems",
 *                "byKind": { "DoallLoop": n, … every kind, in RegionKind order },
 *                "byBlocker": { "&lt;blocker id&gt;": n, … sorted by id }, "seconds" },
 *   "regions": [ { "kind", "file", "line", "column", "method", "work", "workPerIteration",
 *                  "loop": { "enhanced", "indexType", "index", "from", "comparison", "to", "step",
 *                            "iterable" } | null,
 *                  "accumulators": [ { "variable", "type", "shape", "operator", "identity" } ],
 *                  "captures": [], "facts": [], "runtimeChecks": [], "needsFpReassociation" } ],
 *   "rejected": [ { "candidate", "file", "line", "column", "method",
 *                   "blockers": [ { "id", "message", "hint",
 *                                   "witness": { "file", "line", "column", "code",
 *                                                "callChain": [] } | null } ] } ],
 *   "problems": [ { "file", "line", "message" } ] }
 * </pre>
 *
 * <p>Files are relative to {@code root} and use {@code /}. Non-ASCII characters are written as
 * {@code \\uXXXX} escapes so the output survives any terminal encoding. The reader ignores fields
 * it does not know (a newer writer may add some) and refuses another format version; the summary
 * counts other than {@code byBlocker} are derived, so the reader does not trust them.
 *
 * <p>Written with Jackson's streaming generator and read from its tree model by hand, rather than
 * data binding, so that the field names and order are visible here and do not depend on record
 * accessor order or a Guava module.
 */
public final class JsonReport {

  /** Bumped when a field changes meaning or disappears; adding a field does not bump it. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonReport() {}

  /** The report as pretty-printed JSON, ending with a newline. */
  public static String toJson(Report report) {
    StringWriter out = new StringWriter();
    try {
      write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Writes the report to {@code out} (not closed), ending with a newline. */
  public static void write(Report report, Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeNumberField("weft", FORMAT_VERSION);
    g.writeStringField("root", report.root());
    writeSummary(g, report);
    g.writeArrayFieldStart("regions");
    for (Region r : report.regions()) writeRegion(g, r);
    g.writeEndArray();
    g.writeArrayFieldStart("rejected");
    for (Rejection r : report.rejected()) writeRejection(g, r);
    g.writeEndArray();
    g.writeArrayFieldStart("problems");
    for (FileProblem p : report.problems()) {
      g.writeStartObject();
      g.writeStringField("file", p.file());
      g.writeNumberField("line", p.line());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write('\n');
    out.flush();
  }

  private static void writeSummary(JsonGenerator g, Report report) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("files", report.filesAnalysed());
    g.writeNumberField("regions", report.regions().size());
    g.writeNumberField("rejected", report.rejected().size());
    g.writeNumberField("problems", report.problems().size());
    g.writeObjectFieldStart("byKind");
    for (Map.Entry<RegionKind, Integer> e : Summaries.regionsByKind(report).entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("byBlocker");
    for (Map.Entry<String, Integer> e : report.blockerCounts().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("seconds", report.seconds());
    g.writeEndObject();
  }

  private static void writeRegion(JsonGenerator g, Region r) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", r.kind().id());
    writeLocation(g, r.location());
    g.writeStringField("method", r.method());
    g.writeNumberField("work", r.work());
    g.writeNumberField("workPerIteration", r.workPerIteration());
    LoopShape loop = r.loop();
    if (loop == null) {
      g.writeNullField("loop");
    } else {
      g.writeObjectFieldStart("loop");
      g.writeBooleanField("enhanced", loop.enhanced());
      g.writeStringField("indexType", loop.indexType());
      g.writeStringField("index", loop.index());
      g.writeStringField("from", loop.from());
      g.writeStringField("comparison", loop.comparison());
      g.writeStringField("to", loop.to());
      g.writeStringField("step", loop.step());
      g.writeStringField("iterable", loop.iterable());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("accumulators");
    for (Accumulator a : r.accumulators()) {
      g.writeStartObject();
      g.writeStringField("variable", a.variable());
      g.writeStringField("type", a.type());
      g.writeStringField("shape", a.shape() == null ? null : a.shape().name());
      g.writeStringField("operator", a.operator());
      g.writeStringField("identity", a.identity());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeStrings(g, "captures", r.captures());
    writeStrings(g, "facts", r.facts());
    writeStrings(g, "runtimeChecks", r.runtimeChecks());
    g.writeBooleanField("needsFpReassociation", r.needsFpReassociation());
    g.writeEndObject();
  }

  private static void writeRejection(JsonGenerator g, Rejection r) throws IOException {
    g.writeStartObject();
    g.writeStringField("candidate", r.candidate());
    writeLocation(g, r.location());
    g.writeStringField("method", r.method());
    g.writeArrayFieldStart("blockers");
    for (Blocker b : r.blockers()) {
      g.writeStartObject();
      g.writeStringField("id", b.id());
      g.writeStringField("message", b.message());
      g.writeStringField("hint", b.hint());
      Witness w = b.witness();
      if (w == null) {
        g.writeNullField("witness");
      } else {
        g.writeObjectFieldStart("witness");
        writeLocation(g, w.location());
        g.writeStringField("code", w.code());
        writeStrings(g, "callChain", w.callChain());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A location is flattened into its parent object: {@code file, line, column}. */
  private static void writeLocation(JsonGenerator g, SourceLocation l) throws IOException {
    g.writeStringField("file", l == null ? null : l.file());
    g.writeNumberField("line", l == null ? 0 : l.line());
    g.writeNumberField("column", l == null ? 0 : l.column());
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  // ---- reading ---------------------------------------------------------------------------

  /**
   * Reads a report written by {@link #write}. Throws {@link MalformedReportException} (an
   * IOException) naming the offending field, e.g. {@code regions[3].kind}, when the text is not a
   * weft report of this format version.
   */
  public static Report read(Reader in) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new MalformedReportException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    try {
      return fromTree(root);
    } catch (FieldError e) {
      throw new MalformedReportException(e.getMessage());
    }
  }

  /** Reads a saved report (UTF-8, as {@code weft analyze --format json --output} writes it). */
  public static Report read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /** Reads a report from a string; see {@link #read(Reader)}. */
  public static Report fromJson(String json) throws IOException {
    return read(new StringReader(json));
  }

  private static Report fromTree(JsonNode root) throws MalformedReportException {
    if (root == null || !root.isObject()) {
      throw new MalformedReportException("not a weft report: expected a JSON object");
    }
    Node top = new Node(root, "");
    JsonNode version = root.get("weft");
    if (version == null || !version.isInt()) {
      throw new MalformedReportException(
          "not a weft report: no \"weft\" format version field at the top");
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw new MalformedReportException(
          "unsupported weft report format version "
              + version.intValue()
              + " (this weft reads version "
              + FORMAT_VERSION
              + ")");
    }
    Node summary = top.object("summary");
    ImmutableSortedMap.Builder<String, Integer> blockerCounts = ImmutableSortedMap.naturalOrder();
    Node byBlocker = summary.object("byBlocker");
    for (Map.Entry<String, JsonNode> e : byBlocker.json.properties()) {
      blockerCounts.put(e.getKey(), byBlocker.integer(e.getKey()));
    }
    return new Report(
        top.string("root"),
        summary.integer("files"),
        top.list("regions", JsonReport::region),
        top.list("rejected", JsonReport::rejection),
        top.list(
            "problems",
            p -> new FileProblem(p.string("file"), p.integer("line"), p.string("message"))),
        blockerCounts.build(),
        summary.number("seconds"));
  }

  private static Region region(Node r) {
    String kind = r.string("kind");
    RegionKind regionKind;
    try {
      regionKind = RegionKind.fromId(kind);
    } catch (IllegalArgumentException e) {
      throw r.error("kind", "unknown region kind \"" + kind + "\"");
    }
    Node loop = r.objectOrNull("loop");
    return new Region(
        regionKind,
        location(r),
        r.string("method"),
        r.longValue("work"),
        r.longValue("workPerIteration"),
        loop == null
            ? null
            : new LoopShape(
                loop.bool("enhanced"),
                loop.string("indexType"),
                loop.string("index"),
                loop.string("from"),
                loop.string("comparison"),
                loop.string("to"),
                loop.string("step"),
                loop.string("iterable")),
        r.list("accumulators", JsonReport::accumulator),
        r.strings("captures"),
        r.strings("facts"),
        r.strings("runtimeChecks"),
        r.bool("needsFpReassociation"));
  }

  private static Accumulator accumulator(Node a) {
    String shape = a.string("shape");
    Accumulator.Shape s = null;
    if (shape != null) {
      try {
        s = Accumulator.Shape.valueOf(shape);
      } catch (IllegalArgumentException e) {
        throw a.error("shape", "unknown accumulator shape \"" + shape + "\"");
      }
    }
    return new Accumulator(
        a.string("variable"), a.string("type"), s, a.string("operator"), a.string("identity"));
  }

  private static Rejection rejection(Node r) {
    return new Rejection(
        r.string("candidate"),
        location(r),
        r.string("method"),
        r.list(
            "blockers",
            b -> {
              Node w = b.objectOrNull("witness");
              Witness witness =
                  w == null
                      ? null
                      : new Witness(location(w), w.string("code"), w.strings("callChain"));
              return new Blocker(b.string("id"), b.string("message"), witness, b.string("hint"));
            }));
  }

  private static SourceLocation location(Node n) {
    String file = n.string("file");
    int line = n.integer("line");
    int column = n.integer("column");
    // writeLocation writes a null location as (null, 0, 0); read it back as null
    return file == null && line == 0 && column == 0 ? null : new SourceLocation(file, line, column);
  }

  /** The report was not a weft JSON report of the supported version; the message says where. */
  public static final class MalformedReportException extends IOException {
    public MalformedReportException(String message) {
      super(message);
    }

    public MalformedReportException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Unchecked while walking the tree inside lambdas; rethrown as the checked exception. */
  private static final class FieldError extends RuntimeException {
    FieldError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A JSON object and its path from the root, for error messages such as {@code regions[3].kind}.
   */
  private record Node(JsonNode json, String path) {

    FieldError error(String field, String problem) {
      return new FieldError(
          "not a weft report: " + (path.isEmpty() ? "" : path + ".") + field + ": " + problem);
    }

    private JsonNode required(String field) {
      JsonNode v = json.get(field);
      if (v == null) throw error(field, "missing");
      return v;
    }

    String string(String field) {
      JsonNode v = required(field);
      if (v.isNull()) return null;
      if (!v.isTextual()) throw error(field, "expected a string");
      return v.textValue();
    }

    int integer(String field) {
      JsonNode v = required(field);
      if (!v.isInt()) throw error(field, "expected an integer");
      return v.intValue();
    }

    long longValue(String field) {
      JsonNode v = required(field);
      if (!v.canConvertToLong() || !v.isIntegralNumber()) throw error(field, "expected an integer");
      return v.longValue();
    }

    double number(String field) {
      JsonNode v = required(field);
      if (!v.isNumber()) throw error(field, "expected a number");
      return v.doubleValue();
    }

    boolean bool(String field) {
      JsonNode v = required(field);
      if (!v.isBoolean()) throw error(field, "expected true or false");
      return v.booleanValue();
    }

    Node object(String field) {
      JsonNode v = required(field);
      if (!v.isObject()) throw error(field, "expected an object");
      return new Node(v, child(field));
    }

    Node objectOrNull(String field) {
      JsonNode v = required(field);
      if (v.isNull()) return null;
      if (!v.isObject()) throw error(field, "expected an object or null");
      return new Node(v, child(field));
    }

    <T> ImmutableList<T> list(String field, Function<Node, T> element) {
      JsonNode v = required(field);
      if (!v.isArray()) throw error(field, "expected an array");
      ImmutableList.Builder<T> out = ImmutableList.builder();
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        String at = child(field) + "[" + i + "]";
        if (!e.isObject()) throw error(field + "[" + i + "]", "expected an object");
        out.add(element.apply(new Node(e, at)));
      }
      return out.build();
    }

    ImmutableList<String> strings(String field) {
      JsonNode v = required(field);
      if (!v.isArray()) throw error(field, "expected an array of strings");
      ImmutableList.Builder<String> out = ImmutableList.builder();
      for (JsonNode e : v) {
        if (!e.isTextual()) throw error(field, "expected an array of strings");
        out.add(e.textValue());
      }
      return out.build();
    }

    private String child(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }
  }
}
