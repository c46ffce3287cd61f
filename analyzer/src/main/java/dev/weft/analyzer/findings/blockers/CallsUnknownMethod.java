package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * A call in the region has no known effect summary. See {@code analyzer/docs/blockers/CallsUnknownMethod.md}.
 */
public final class CallsUnknownMethod {

  public static final String ID = "CallsUnknownMethod";
  public static final String SUMMARY = "A call in the region has no known effect summary.";
  public static final String HINT = "Make the callee's bytecode available (--classpath), avoid reflection and native calls in the loop, or move the call out of it.";

  private CallsUnknownMethod() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
