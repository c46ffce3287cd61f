package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * Two calls that would run in parallel touch the same memory, and one of them writes it. See {@code analyzer/docs/blockers/OverlappingEffects.md}.
 */
public final class OverlappingEffects {

  public static final String ID = "OverlappingEffects";
  public static final String SUMMARY = "Two calls that would run in parallel touch the same memory, and one of them writes it.";
  public static final String HINT = "Pass the calls disjoint objects (or disjoint array ranges the analyzer can see), or keep them sequential.";

  private OverlappingEffects() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
