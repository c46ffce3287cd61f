package dev.weft.cli.measure;

import com.google.common.collect.ImmutableList;
import java.util.OptionalDouble;

/**
 * One program of {@code weft demo}: its measurement, or why it could not be measured.
 *
 * @param args the arguments it ran with (its demo size)
 * @param measurement null when {@code error} is set
 * @param error what went wrong, for the user; null when measured
 */
public record DemoRow(DemoProgram program, ImmutableList<String> args, Measurement measurement, String error) {

  public static DemoRow measured(DemoProgram program, ImmutableList<String> args, Measurement m) {
    return new DemoRow(program, args, m, null);
  }

  public static DemoRow failed(DemoProgram program, ImmutableList<String> args, String error) {
    return new DemoRow(program, args, null, error);
  }

  public boolean identical() {
    return measurement != null && measurement.identical();
  }

  public OptionalDouble speedup() {
    return measurement == null ? OptionalDouble.empty() : measurement.speedup();
  }
}
