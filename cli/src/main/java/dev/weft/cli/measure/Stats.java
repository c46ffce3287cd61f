package dev.weft.cli.measure;

import java.util.Arrays;
import java.util.List;

/**
 * The few statistics a measurement reports. Medians rather than means: one run slowed by another
 * process on the machine moves a mean but not a median.
 */
public final class Stats {

  private Stats() {}

  /** The middle value; for an even count, the mean of the two middle values. */
  public static double median(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("median of no values");
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The smallest and largest value. */
  public record Spread(double min, double max) {}

  public static Spread spread(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("spread of no values");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new Spread(min, max);
  }

  /**
   * The n-th root of the product, computed as the mean of the logarithms so that many ratios
   * neither overflow nor underflow. The right mean for speed-ups: a 2× and a 0.5× cancel out.
   */
  public static double geometricMean(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("geometric mean of no values");
    double logSum = 0;
    for (double v : values) {
      if (!(v > 0)) throw new IllegalArgumentException("geometric mean needs positive values, not " + v);
      logSum += Math.log(v);
    }
    return Math.exp(logSum / values.size());
  }
}
