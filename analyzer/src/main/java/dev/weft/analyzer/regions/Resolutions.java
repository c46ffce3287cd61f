package dev.weft.analyzer.regions;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import java.util.function.Supplier;

/**
 * Symbol resolution, once per node. The passes ask about the same calls and names many times (the
 * work estimate, the call judgement, the independent-call scan, and again for each loop nested
 * in a rejected one), and JavaParser does not memoise method resolution: profiled on Commons
 * Math, repeated resolution was a third of the analysis. The answer, or the failure, is kept on
 * the node itself, so it lives as long as the file's AST and belongs to the one thread analysing it.
 */
final class Resolutions {

  private static final DataKey<Object> RESOLVED = new DataKey<>() {};

  /** A failure to resolve, remembered so that every asker sees the same one. */
  private record Failure(RuntimeException cause) {}

  private Resolutions() {}

  static ResolvedMethodDeclaration method(MethodCallExpr call) {
    return memo(call, call::resolve);
  }

  static ResolvedConstructorDeclaration constructor(ObjectCreationExpr call) {
    return memo(call, call::resolve);
  }

  static ResolvedValueDeclaration name(NameExpr name) {
    return memo(name, name::resolve);
  }

  @SuppressWarnings("unchecked")
  private static <T> T memo(Node node, Supplier<T> resolve) {
    if (node.containsData(RESOLVED)) {
      Object o = node.getData(RESOLVED);
      if (o instanceof Failure f) throw f.cause();
      return (T) o;
    }
    T value;
    try {
      value = resolve.get();
    } catch (RuntimeException e) {
      node.setData(RESOLVED, new Failure(e));
      throw e;
    }
    // StackOverflowError and linkage errors are not remembered: they propagate to the pass's guard.
    node.setData(RESOLVED, value);
    return value;
  }
}
