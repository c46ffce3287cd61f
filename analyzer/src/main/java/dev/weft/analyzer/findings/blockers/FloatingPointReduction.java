package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * A float/double sum or product would be reassociated. See {@code analyzer/docs/blockers/FloatingPointReduction.md}.
 */
public final class FloatingPointReduction {

  public static final String ID = "FloatingPointReduction";
  public static final String SUMMARY = "A float/double sum or product would be reassociated.";
  public static final String HINT = "Pass --allow-fp-reassoc to accept results that may differ in the last bits (they stay the same on every run), or keep the loop sequential.";

  private FloatingPointReduction() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
