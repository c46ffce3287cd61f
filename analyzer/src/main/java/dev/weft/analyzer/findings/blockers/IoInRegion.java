package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The region performs I/O, directly or through a call. See {@code analyzer/docs/blockers/IoInRegion.md}.
 */
public final class IoInRegion {

  public static final String ID = "IoInRegion";
  public static final String SUMMARY = "The region performs I/O, directly or through a call.";
  public static final String HINT = "Compute into an array or a StringBuilder inside the loop and print once after it.";

  private IoInRegion() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
