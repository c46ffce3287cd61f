package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The cost model of analyzer/docs/findings.md: about one operation per expression node; a nested loop multiplies
 * its body by its known trip count, or by {@value #UNKNOWN_TRIPS}; a call adds {@value #CALL_COST}, or
 * the callee's own estimate when it is declared in the project (once, memoised; recursion counts
 * {@value #CALL_COST}).
 */
final class WorkEstimator {

  static final long UNKNOWN_TRIPS = 100;
  static final long CALL_COST = 10;
  /** Trip count assumed for a region's total work when the real one is unknown. */
  static final long ASSUMED_TRIPS = 1000;

  private final Map<Node, Long> callees = new IdentityHashMap<>();

  WorkEstimator(FileContext ctx) {}

  /** Operations for one execution of {@code n}. */
  long cost(Node n) {
    long c = 0;
    if (n instanceof Expression) c += 1;
    if (n instanceof MethodCallExpr || n instanceof ObjectCreationExpr) c += callCost(n);
    if (isLoop(n)) {
      long body = 0;
      for (Node child : n.getChildNodes()) body += cost(child);
      OptionalLong trips = n instanceof ForStmt f ? CountedLoop.knownTripCount(f) : OptionalLong.empty();
      if (n instanceof ForEachStmt fe) trips = CountedLoop.knownLength(fe.getIterable());
      return sat(c + mul(body, trips.isPresent() ? Math.max(trips.getAsLong(), 0) : UNKNOWN_TRIPS));
    }
    for (Node child : n.getChildNodes()) c = sat(c + cost(child));
    return c;
  }

  private long callCost(Node call) {
    try {
      Node decl = null;
      if (call instanceof MethodCallExpr m) decl = Resolutions.method(m).toAst().orElse(null);
      else if (call instanceof ObjectCreationExpr o) decl = Resolutions.constructor(o).toAst().orElse(null);
      if (decl instanceof CallableDeclaration<?> cd) {
        if (callees.containsKey(cd)) return callees.get(cd);
        callees.put(cd, CALL_COST); // recursion guard
        long body = CALL_COST;
        for (Node child : cd.getChildNodes()) if (child instanceof Statement) body = sat(body + cost(child));
        callees.put(cd, body);
        return body;
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // unresolved: the region gets an UnresolvedSymbol blocker elsewhere; cost stays the default
    }
    return CALL_COST;
  }

  static boolean isLoop(Node n) {
    return n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
  }

  static long mul(long x, long y) {
    if (x == 0 || y == 0) return 0;
    return x > Long.MAX_VALUE / 4 / y ? Long.MAX_VALUE / 4 : x * y;
  }

  private static long sat(long x) {
    return x < 0 || x > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : x;
  }
}
