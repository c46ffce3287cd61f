package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * A call in the region writes memory the iterations share. See {@code analyzer/docs/blockers/CallsImpureMethod.md}.
 */
public final class CallsImpureMethod {

  public static final String ID = "CallsImpureMethod";
  public static final String SUMMARY = "A call in the region writes memory the iterations share.";
  public static final String HINT = "Pass the call only objects owned by the iteration, give each iteration its own instance (e.g. SplittableRandom.split, ThreadLocalRandom), or move the call out of the loop.";

  private CallsImpureMethod() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
