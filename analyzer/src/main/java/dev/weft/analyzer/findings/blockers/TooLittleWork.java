package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The region's work estimate is too small to pay for a parallel task. See {@code analyzer/docs/blockers/TooLittleWork.md}.
 */
public final class TooLittleWork {

  public static final String ID = "TooLittleWork";
  public static final String SUMMARY = "The region's work estimate is too small to pay for a parallel task.";
  public static final String HINT = "Nothing to fix: small loops run faster sequentially. Lower --min-work if the estimate is wrong.";

  private TooLittleWork() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
