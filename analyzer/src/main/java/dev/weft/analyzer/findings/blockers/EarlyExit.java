package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The loop can leave early: break, return, a labelled jump out of it, or throw. See {@code analyzer/docs/blockers/EarlyExit.md}.
 */
public final class EarlyExit {

  public static final String ID = "EarlyExit";
  public static final String SUMMARY = "The loop can leave early: break, return, a labelled jump out of it, or throw.";
  public static final String HINT = "Compute the exit condition per element into an array (or use a min-index reduction) and act on it after the loop.";

  private EarlyExit() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
