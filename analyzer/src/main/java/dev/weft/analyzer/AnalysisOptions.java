package dev.weft.analyzer;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;

/**
 * How to analyse.
 *
 * @param sourceRoots source roots to use instead of the detected ones (empty: detect)
 * @param classpath extra jars and directories the sources compile against
 * @param allowFpReassociation accept {@code float}/{@code double} reductions (otherwise they are
 *     rejected with {@code FloatingPointReduction})
 * @param minWork regions whose work estimate is below this are rejected with {@code TooLittleWork}
 */
public record AnalysisOptions(
    ImmutableList<Path> sourceRoots,
    ImmutableList<Path> classpath,
    boolean allowFpReassociation,
    long minWork) {

  /** Work below which a task does not pay for itself: about 10 µs of simple operations. */
  public static final long DEFAULT_MIN_WORK = 20_000;

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(ImmutableList.of(), ImmutableList.of(), false, DEFAULT_MIN_WORK);
  }
}
