package dev.weft.cli.measure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a run does not count as the same behaviour as the reference run (the original's warm-up):
 * a different exit status, and/or different stdout, shown by the first line (1-based) where the
 * two part. A line missing on one side ({@code null}) means that output ended there.
 *
 * @param run which run differed, e.g. "weft run 2"
 * @param stdoutDiffers false when only the exit status differs
 */
public record OutputDifference(
    String run,
    int referenceExit,
    int otherExit,
    boolean stdoutDiffers,
    int line,
    String referenceLine,
    String otherLine) {

  /** Empty when {@code other} printed the same bytes and exited with the same status. */
  public static Optional<OutputDifference> between(String run, RunSample reference, RunSample other) {
    boolean sameBytes = Arrays.equals(reference.stdout(), other.stdout());
    if (sameBytes && reference.exitCode() == other.exitCode()) return Optional.empty();
    List<String> a = lines(reference.stdout());
    List<String> b = lines(other.stdout());
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) i++;
    String left = i < a.size() ? a.get(i) : null;
    String right = i < b.size() ? b.get(i) : null;
    if (!sameBytes && left == null && right == null) {
      // the same lines, different bytes: line endings or a final newline
      left = "(same lines, different line endings)";
      right = left;
    }
    return Optional.of(
        new OutputDifference(
            run, reference.exitCode(), other.exitCode(), !sameBytes, i + 1, left, right));
  }

  private static List<String> lines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }
}
