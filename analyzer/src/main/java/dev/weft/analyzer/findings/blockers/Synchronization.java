package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The region synchronises: a synchronized block or method, wait/notify, or a lock. See {@code analyzer/docs/blockers/Synchronization.md}.
 */
public final class Synchronization {

  public static final String ID = "Synchronization";
  public static final String SUMMARY = "The region synchronises: a synchronized block or method, wait/notify, or a lock.";
  public static final String HINT = "Remove the locking from the loop body: use a reduction or per-iteration state instead.";

  private Synchronization() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
