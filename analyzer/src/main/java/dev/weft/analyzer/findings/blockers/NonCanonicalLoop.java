package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The loop is not a counted loop the runtime can split. See {@code analyzer/docs/blockers/NonCanonicalLoop.md}.
 */
public final class NonCanonicalLoop {

  public static final String ID = "NonCanonicalLoop";
  public static final String SUMMARY = "The loop is not a counted loop the runtime can split.";
  public static final String HINT = "Rewrite it as for (int i = lo; i < hi; i += step) with a loop-invariant bound and step that the body does not modify, or iterate over an array or a RandomAccess list.";

  private NonCanonicalLoop() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
