package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The region writes a static or instance field that every iteration shares. See {@code analyzer/docs/blockers/WritesSharedField.md}.
 */
public final class WritesSharedField {

  public static final String ID = "WritesSharedField";
  public static final String SUMMARY = "The region writes a static or instance field that every iteration shares.";
  public static final String HINT = "Accumulate into a local (a reduction) and assign the field once after the loop, or write into an array slot owned by the iteration.";

  private WritesSharedField() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
