package dev.weft.analyzer.findings.blockers;

import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;

/**
 * The symbol solver could not resolve a name, type or call the decision depends on. See {@code analyzer/docs/blockers/UnresolvedSymbol.md}.
 */
public final class UnresolvedSymbol {

  public static final String ID = "UnresolvedSymbol";
  public static final String SUMMARY = "The symbol solver could not resolve a name, type or call the decision depends on.";
  public static final String HINT = "Add the missing jars with --classpath or the missing source root with --source-root.";

  private UnresolvedSymbol() {}

  public static Blocker of(String message, Witness witness) {
    return new Blocker(ID, message, witness, HINT);
  }
}
