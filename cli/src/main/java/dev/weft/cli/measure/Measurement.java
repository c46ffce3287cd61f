package dev.weft.cli.measure;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of measuring one program: what was rewritten, the timed runs of both versions (warm-up
 * runs excluded), and whether every run, warm-ups included, printed the same stdout and exited with
 * the same status as the original's first run.
 *
 * @param regionsFound regions the analyzer accepted
 * @param rewrittenByKind regions the transformer rewrote, by {@code RegionKind} id
 * @param cores processors available to this JVM (and so to the children, on the same machine)
 * @param loadAverage the system load average (1 minute) when the timed runs started, -1 where the
 *     system does not report one: above {@code cores}, other work competed for the processors
 * @param original timed runs of the original program, in order
 * @param weft timed runs of the rewritten program, in order; {@code weft.get(i)} ran right after
 *     {@code original.get(i)}
 * @param difference the first run that did not behave as the reference, or null when all did; runs
 *     stop there, so the lists may be short
 */
public record Measurement(
    MeasureSpec spec,
    int regionsFound,
    ImmutableSortedMap<String, Integer> rewrittenByKind,
    int cores,
    double loadAverage,
    ImmutableList<RunSample> original,
    ImmutableList<RunSample> weft,
    OutputDifference difference) {

  /** Other work competed for the processors: the speed-up understates a quiet machine's. */
  public boolean busy() {
    return loadAverage > cores;
  }

  public boolean identical() {
    return difference == null;
  }

  public int regionsRewritten() {
    return rewrittenByKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Every run compared: the timed runs and the two warm-ups. */
  public int runsCompared() {
    return original.size() + weft.size() + 2;
  }

  /** The program's exit status (the same in every run when {@link #identical()}). */
  public int exitCode() {
    return original.isEmpty() ? -1 : original.get(0).exitCode();
  }

  public static double medianWall(List<RunSample> runs) {
    return Stats.median(runs.stream().map(RunSample::wallSeconds).toList());
  }

  /** Empty when any run lacks a CPU time: a median of some runs would mislead. */
  public static OptionalDouble medianCpu(List<RunSample> runs) {
    if (runs.isEmpty() || !runs.stream().allMatch(RunSample::hasCpu)) return OptionalDouble.empty();
    return OptionalDouble.of(Stats.median(runs.stream().map(RunSample::cpuSeconds).toList()));
  }

  /** Median original wall time over median rewritten wall time; empty unless outputs are identical. */
  public OptionalDouble speedup() {
    if (!identical() || weft.isEmpty()) return OptionalDouble.empty();
    return OptionalDouble.of(medianWall(original) / medianWall(weft));
  }

  /** Each pair's own speed-up (original run i over weft run i): their range is the spread. */
  public List<Double> pairedSpeedups() {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(original.size(), weft.size()); i++) {
      ratios.add(original.get(i).wallSeconds() / weft.get(i).wallSeconds());
    }
    return ratios;
  }

  public Stats.Spread speedupSpread() {
    return Stats.spread(pairedSpeedups());
  }

  /** Median CPU time of the rewritten program over that of the original: the price of the speed-up. */
  public OptionalDouble cpuRatio() {
    OptionalDouble a = medianCpu(original);
    OptionalDouble b = medianCpu(weft);
    if (!identical() || a.isEmpty() || b.isEmpty() || a.getAsDouble() <= 0) return OptionalDouble.empty();
    return OptionalDouble.of(b.getAsDouble() / a.getAsDouble());
  }
}
