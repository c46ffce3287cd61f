package dev.weft.cli.measure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DemoReportTest {

  private static RunSample run(double wallSeconds, double cpuSeconds) {
    return new RunSample("ok\n".getBytes(UTF_8), 0, (long) (wallSeconds * 1e9), (long) (cpuSeconds * 1e9), "");
  }

  private static DemoRow row(String name, List<RunSample> original, List<RunSample> weft, OutputDifference diff) {
    DemoProgram p = new DemoProgram(name, "Main", ImmutableList.of(), ImmutableList.of("10"));
    MeasureSpec spec = new MeasureSpec(Path.of(name), "Main", p.demoArgs(), original.size(), OptionalInt.empty(),
        false, ImmutableList.of());
    Measurement m = new Measurement(spec, 2, ImmutableSortedMap.of("DoallLoop", 2), 2, 0.5,
        ImmutableList.copyOf(original), ImmutableList.copyOf(weft), diff);
    return DemoRow.measured(p, p.demoArgs(), m);
  }

  @Test
  void speedupIsTheRatioOfMedianWallTimesWithThePairedRange() {
    DemoRow r = row("a", List.of(run(4, 4), run(3, 3), run(5, 5)), List.of(run(2, 4.4), run(2, 4.4), run(1, 4)), null);
    assertEquals(2.0, r.speedup().getAsDouble(), 1e-9); // medians 4 / 2
    assertEquals(new Stats.Spread(1.5, 5.0), r.measurement().speedupSpread());
    assertEquals(1.1, r.measurement().cpuRatio().getAsDouble(), 1e-9); // 4.4 / 4
  }

  @Test
  void theGeometricMeanCountsOnlyProgramsWithIdenticalOutput() {
    OutputDifference diff = new OutputDifference("weft run 1", 0, 0, true, 1, "ok", "no");
    List<DemoRow> rows = List.of(
        row("fast", List.of(run(4, 4)), List.of(run(1, 4)), null),
        row("slow", List.of(run(1, 1)), List.of(run(2, 2)), null),
        row("wrong", List.of(run(9, 9)), List.of(run(1, 1)), diff));

    assertEquals(1.4142, DemoReport.geometricMeanSpeedup(rows).getAsDouble(), 1e-4); // sqrt(4 * 0.5)
    assertEquals("weft-demo programs=3 identical=2 geomean_speedup=1.41", DemoReport.summaryLine(rows));
    String text = DemoReport.text(rows, 1, 2);
    assertTrue(text.endsWith("weft-demo programs=3 identical=2 geomean_speedup=1.41\n"), text);
    assertTrue(text.contains("wrong: weft run 1 differs at stdout line 1: original 'ok', weft 'no'"), text);
    assertTrue(DemoReport.json(rows, 1, 2).endsWith("\nweft-demo programs=3 identical=2 geomean_speedup=1.41\n"));
  }
}
