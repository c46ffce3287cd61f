package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * A value flows from one iteration to another. See {@code analyzer/docs/blockers/LoopCarriedDependence.md}.
 */
public final class LoopCarriedDependence {

  public static final String ID = "LoopCarriedDependence";
  public static final String SUMMARY = "A value flows from one iteration to another.";
  public static final String HINT = "Make each iteration write only its own elements (a[i]) and read nothing another iteration writes; turn running values into a reduction (s += e) or recompute them from the index.";

  private LoopCarriedDependence() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
