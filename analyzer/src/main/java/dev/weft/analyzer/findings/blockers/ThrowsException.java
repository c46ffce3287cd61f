package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The region throws explicitly or calls a method that declares checked exceptions, or a {@code &&} / {@code ||} reduction's short-circuited operand may throw. See {@code analyzer/docs/blockers/ThrowsException.md}.
 */
public final class ThrowsException {

  public static final String ID = "ThrowsException";
  public static final String SUMMARY = "The region throws explicitly or calls a method that declares checked exceptions, or a && / || reduction's short-circuited operand may throw.";
  public static final String HINT = "Validate inputs before the loop, or collect failures per iteration and throw after the loop.";

  private ThrowsException() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
