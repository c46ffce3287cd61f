package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * Two references the loop writes and reads through may be the same object, and no simple runtime check can tell. See {@code analyzer/docs/blockers/MayAlias.md}.
 */
public final class MayAlias {

  public static final String ID = "MayAlias";
  public static final String SUMMARY = "Two references the loop writes and reads through may be the same object, and no simple runtime check can tell.";
  public static final String HINT = "Copy the input into a fresh array first, or pass distinct arrays and let the analyzer guard with a != b (1-D arrays held in locals or parameters).";

  private MayAlias() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
