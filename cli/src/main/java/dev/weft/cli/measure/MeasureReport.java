package dev.weft.cli.measure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.weft.cli.Plural;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * {@code weft measure}'s output: a table for a person, or one JSON object (format version
 * {@value #FORMAT_VERSION}; fields are only ever added within a version).
 */
public final class MeasureReport {

  public static final int FORMAT_VERSION = 1;

  static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  static final String BUSY =
      "the machine was busy (load average above the core count): wall-time speed-ups understate"
          + " what a quiet machine gives; compare the CPU times too";

  private MeasureReport() {}

  /** The table, ending with a newline. */
  public static String text(Measurement m) {
    StringBuilder s = new StringBuilder();
    MeasureSpec spec = m.spec();
    s.append("weft measure ").append(spec.directory()).append(": ").append(spec.mainClass());
    for (String a : spec.args()) s.append(' ').append(a);
    s.append('\n');
    s.append(row("regions", m.regionsFound() + " found, " + m.regionsRewritten() + " rewritten"
        + (m.rewrittenByKind().isEmpty() ? "" : ": " + byKind(m.rewrittenByKind()))));
    s.append(row("machine", machine(m)));
    if (m.busy()) s.append(row("", BUSY));
    s.append('\n');
    s.append(String.format(Locale.ROOT, "  %-10s  %12s  %12s%n", "", "median wall", "median CPU"));
    s.append(timesRow("original", m.original()));
    s.append(timesRow("weft", m.weft()));
    s.append('\n');
    if (m.identical()) {
      Stats.Spread spread = m.speedupSpread();
      s.append(row("speed-up", String.format(Locale.ROOT, "%.2fx  (paired runs: %.2fx to %.2fx)",
          m.speedup().getAsDouble(), spread.min(), spread.max())));
      s.append(row("CPU ratio", m.cpuRatio().isPresent()
          ? String.format(Locale.ROOT, "%.2f  (weft CPU time / original CPU time)", m.cpuRatio().getAsDouble())
          : "n/a (a run reported no CPU time)"));
      s.append(row("output", "identical in all " + Plural.of(m.runsCompared(), "run") + " (stdout, and exit status "
          + m.exitCode() + ")"));
    } else {
      OutputDifference d = m.difference();
      s.append(row("output", "DIFFERENT: " + d.run() + " did not behave as the original's first run"));
      if (d.stdoutDiffers()) {
        s.append(row("", "first differing stdout line, " + d.line() + ":"));
        s.append(row("", "  original: " + shown(d.referenceLine())));
        s.append(row("", "  " + (d.run().startsWith("weft") ? "weft:    " : "this run:") + " " + shown(d.otherLine())));
      }
      if (d.referenceExit() != d.otherExit()) {
        s.append(row("", "exit status: " + d.referenceExit() + " then " + d.otherExit()));
      }
      s.append(row("speed-up", "not reported: the outputs differ"));
    }
    return s.toString();
  }

  private static String machine(Measurement m) {
    return Plural.of(m.cores(), "core")
        + (m.loadAverage() >= 0 ? String.format(Locale.ROOT, " (load average %.1f)", m.loadAverage()) : "")
        + ", Java " + System.getProperty("java.version") + " ("
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "), "
        + Plural.of(m.spec().runs(), "timed run")
        + " of each, alternating, after a warm-up run of each"
        + (m.spec().workers().isPresent() ? ", " + Plural.of(m.spec().workers().getAsInt(), "worker") : "");
  }

  static String byKind(Map<String, Integer> byKind) {
    return byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String shown(String line) {
    return line == null ? "(no more output)" : line;
  }

  private static String row(String label, String value) {
    return String.format(Locale.ROOT, "  %-10s  %s%n", label, value).replaceAll(" +\n", "\n");
  }

  private static String timesRow(String label, List<RunSample> runs) {
    if (runs.isEmpty()) return String.format(Locale.ROOT, "  %-10s  %12s  %12s%n", label, "-", "-");
    OptionalDouble cpu = Measurement.medianCpu(runs);
    return String.format(Locale.ROOT, "  %-10s  %10.3f s  %12s%n", label, Measurement.medianWall(runs),
        cpu.isPresent() ? String.format(Locale.ROOT, "%10.3f s", cpu.getAsDouble()) : "n/a");
  }

  /** One JSON object, pretty-printed, ending with a newline. */
  public static String json(Measurement m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("weft", FORMAT_VERSION);
      writeFields(g, m);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out + "\n";
  }

  /** The measurement's fields, into an object the caller has opened. */
  static void writeFields(JsonGenerator g, Measurement m) throws IOException {
    MeasureSpec spec = m.spec();
    g.writeStringField("directory", spec.directory().toString());
    g.writeStringField("main", spec.mainClass());
    g.writeArrayFieldStart("args");
    for (String a : spec.args()) g.writeString(a);
    g.writeEndArray();
    g.writeNumberField("cores", m.cores());
    writeNumber(g, "loadAverage", m.loadAverage() < 0 ? OptionalDouble.empty() : OptionalDouble.of(m.loadAverage()));
    g.writeNumberField("runs", spec.runs());
    if (spec.workers().isPresent()) g.writeNumberField("workers", spec.workers().getAsInt());
    else g.writeNullField("workers");
    g.writeObjectFieldStart("regions");
    g.writeNumberField("found", m.regionsFound());
    g.writeNumberField("rewritten", m.regionsRewritten());
    g.writeObjectFieldStart("byKind");
    for (Map.Entry<String, Integer> e : m.rewrittenByKind().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
    g.writeEndObject();
    g.writeBooleanField("identical", m.identical());
    g.writeNumberField("exitCode", m.exitCode());
    writeRuns(g, "original", m.original());
    writeRuns(g, "weft", m.weft());
    writeNumber(g, "speedup", m.speedup());
    boolean paired = m.identical() && !m.weft().isEmpty();
    writeNumber(g, "speedupMin", paired ? OptionalDouble.of(m.speedupSpread().min()) : OptionalDouble.empty());
    writeNumber(g, "speedupMax", paired ? OptionalDouble.of(m.speedupSpread().max()) : OptionalDouble.empty());
    writeNumber(g, "cpuRatio", m.cpuRatio());
    if (m.identical()) {
      g.writeNullField("difference");
    } else {
      OutputDifference d = m.difference();
      g.writeObjectFieldStart("difference");
      g.writeStringField("run", d.run());
      g.writeBooleanField("stdoutDiffers", d.stdoutDiffers());
      g.writeNumberField("line", d.line());
      g.writeStringField("original", d.referenceLine());
      g.writeStringField("other", d.otherLine());
      g.writeNumberField("originalExitCode", d.referenceExit());
      g.writeNumberField("otherExitCode", d.otherExit());
      g.writeEndObject();
    }
  }

  private static void writeRuns(JsonGenerator g, String name, List<RunSample> runs) throws IOException {
    g.writeObjectFieldStart(name);
    writeNumber(g, "medianWallSeconds",
        runs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Measurement.medianWall(runs)));
    writeNumber(g, "medianCpuSeconds", Measurement.medianCpu(runs));
    g.writeArrayFieldStart("wallSeconds");
    for (RunSample r : runs) g.writeNumber(round(r.wallSeconds()));
    g.writeEndArray();
    g.writeArrayFieldStart("cpuSeconds");
    for (RunSample r : runs) {
      if (r.hasCpu()) g.writeNumber(round(r.cpuSeconds()));
      else g.writeNull();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeNumber(JsonGenerator g, String field, OptionalDouble value) throws IOException {
    if (value.isPresent()) g.writeNumberField(field, round(value.getAsDouble()));
    else g.writeNullField(field);
  }

  /** Milliseconds are all a JVM run's timing is good for; more digits would be noise. */
  static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN);
  }
}
