package dev.weft.cli.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.cli.Plural;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code weft demo}'s output: one row per program and the geometric-mean speed-up, as a table or
 * as one JSON object; either way the last line is the summary {@link #summaryLine}, for scripts.
 */
public final class DemoReport {

  private DemoReport() {}

  /** Geometric mean of the speed-ups of the programs whose outputs were identical; empty if none. */
  public static OptionalDouble geometricMeanSpeedup(List<DemoRow> rows) {
    List<Double> speedups = rows.stream().filter(DemoRow::identical)
        .map(r -> r.speedup().getAsDouble()).toList();
    return speedups.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Stats.geometricMean(speedups));
  }

  /** {@code weft-demo programs=9 identical=9 geomean_speedup=1.82}: always the last line. */
  public static String summaryLine(List<DemoRow> rows) {
    long identical = rows.stream().filter(DemoRow::identical).count();
    return String.format(Locale.ROOT, "weft-demo programs=%d identical=%d geomean_speedup=%.2f",
        rows.size(), identical, geometricMeanSpeedup(rows).orElse(0));
  }

  public static String text(List<DemoRow> rows, int runs, int cores) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "weft demo: %s, %s of each version (alternating,"
        + " after a warm-up run of each), %s, Java %s%n%n", Plural.of(rows.size(), "program"), Plural.of(runs, "timed run"),
        Plural.of(cores, "core"), System.getProperty("java.version")));
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("program", "size", "regions rewritten", "original", "weft", "speed-up", "paired runs",
        "CPU", "output"));
    List<String> failures = new ArrayList<>();
    for (DemoRow r : rows) {
      String size = String.join(" ", r.args());
      Measurement m = r.measurement();
      if (m == null) {
        table.add(List.of(r.program().dir(), size, "-", "-", "-", "-", "-", "-", "could not be measured (below)"));
        failures.add(r.program().dir() + ": " + firstLine(r.error()));
        continue;
      }
      String regions = m.regionsRewritten() + "/" + m.regionsFound()
          + (m.rewrittenByKind().isEmpty() ? "" : " (" + MeasureReport.byKind(m.rewrittenByKind()) + ")");
      if (m.identical()) {
        Stats.Spread spread = m.speedupSpread();
        table.add(List.of(r.program().dir(), size, regions, seconds(m.original()), seconds(m.weft()),
            String.format(Locale.ROOT, "%.2fx", m.speedup().getAsDouble()),
            String.format(Locale.ROOT, "%.2f-%.2fx", spread.min(), spread.max()),
            m.cpuRatio().isPresent() ? String.format(Locale.ROOT, "%.2f", m.cpuRatio().getAsDouble()) : "n/a",
            "identical"));
      } else {
        OutputDifference d = m.difference();
        table.add(List.of(r.program().dir(), size, regions, seconds(m.original()), seconds(m.weft()), "-", "-",
            "-", "DIFFERENT (" + d.run() + (d.stdoutDiffers() ? ", line " + d.line() : ", exit status") + ")"));
        failures.add(r.program().dir() + ": " + d.run() + " differs"
            + (d.stdoutDiffers()
                ? " at stdout line " + d.line() + ": original '" + d.referenceLine() + "', weft '" + d.otherLine() + "'"
                : ": exit status " + d.referenceExit() + " then " + d.otherExit()));
      }
    }
    s.append(columns(table));
    s.append('\n');
    for (String f : failures) s.append(f).append('\n');
    if (!failures.isEmpty()) s.append('\n');
    OptionalDouble geomean = geometricMeanSpeedup(rows);
    long identical = rows.stream().filter(DemoRow::identical).count();
    s.append(geomean.isPresent()
        ? String.format(Locale.ROOT, "geometric-mean speed-up: %.2fx over the %s with identical output"
            + " (median wall time, JVM start included; %s)%n", geomean.getAsDouble(), Plural.of(identical, "program"),
            Plural.of(cores, "core"))
        : "no speed-up: no program had identical output\n");
    s.append("original, weft: median wall time; paired runs: the range of each run pair's speed-up;"
        + " CPU: weft CPU time / original CPU time\n");
    double maxLoad = rows.stream().filter(r -> r.measurement() != null)
        .mapToDouble(r -> r.measurement().loadAverage()).max().orElse(-1);
    if (maxLoad > cores) {
      s.append(String.format(Locale.ROOT, "load average up to %.1f on %s: ", maxLoad, Plural.of(cores, "core")))
          .append(MeasureReport.BUSY).append('\n');
    }
    s.append(summaryLine(rows)).append('\n');
    return s.toString();
  }

  /** Text columns (the figures right-aligned), two spaces apart, no trailing blanks. */
  private static String columns(List<List<String>> table) {
    int[] width = new int[table.get(0).size()];
    for (List<String> row : table) {
      for (int c = 0; c < row.size(); c++) width[c] = Math.max(width[c], row.get(c).length());
    }
    StringBuilder s = new StringBuilder();
    for (List<String> row : table) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        boolean numeric = c >= 3 && c <= 7;
        String pad = " ".repeat(width[c] - cell.length());
        line.append(numeric ? pad + cell : cell + pad).append("  ");
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  private static String seconds(List<RunSample> runs) {
    return runs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f s", Measurement.medianWall(runs));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** One JSON object for the whole demo, then the summary line. */
  public static String json(List<DemoRow> rows, int runs, int cores) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = MeasureReport.JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("weft", MeasureReport.FORMAT_VERSION);
      g.writeNumberField("cores", cores);
      g.writeNumberField("runs", runs);
      g.writeArrayFieldStart("programs");
      for (DemoRow r : rows) {
        g.writeStartObject();
        g.writeStringField("program", r.program().dir());
        if (r.measurement() == null) {
          g.writeStringField("error", r.error());
        } else {
          g.writeNullField("error");
          MeasureReport.writeFields(g, r.measurement());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("identical", rows.stream().filter(DemoRow::identical).count());
      MeasureReport.writeNumber(g, "geomeanSpeedup", geometricMeanSpeedup(rows));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n" + summaryLine(rows) + "\n";
  }
}
