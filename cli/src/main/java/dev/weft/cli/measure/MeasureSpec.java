package dev.weft.cli.measure;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What to measure.
 *
 * @param directory the program's sources (never written to)
 * @param mainClass the class whose {@code main} runs, fully qualified
 * @param args the program's arguments
 * @param runs timed runs of each version, after one warm-up run of each
 * @param workers the runtime's parallelism ({@code -Dweft.parallelism}); empty: one per core
 * @param allowFpReassociation analyse and rewrite float/double reductions too
 * @param classpath jars and directories the program compiles and runs against
 */
public record MeasureSpec(
    Path directory,
    String mainClass,
    ImmutableList<String> args,
    int runs,
    OptionalInt workers,
    boolean allowFpReassociation,
    ImmutableList<Path> classpath) {

  public MeasureSpec {
    if (runs < 1) throw new IllegalArgumentException("runs must be at least 1, not " + runs);
  }
}
