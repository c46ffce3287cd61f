package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two consecutive statements that are each one call, run as two tasks: both plain call statements
 * ({@code f(a); g(b);}), or both single declarations with an explicit type ({@code int[] l =
 * sort(x); int[] r = sort(y);}), whose results travel back in a small local record. Shared by
 * {@link ForkIndependentCalls} and {@link ForkDivideAndConquer}.
 */
final class CallPair {

  final Statement first;
  final Statement second;
  final MethodCallExpr firstCall;
  final MethodCallExpr secondCall;
  /** Null for call statements. */
  final VariableDeclarationExpr firstDecl;
  final VariableDeclarationExpr secondDecl;

  private CallPair(Statement first, Statement second, MethodCallExpr c1, MethodCallExpr c2,
      VariableDeclarationExpr d1, VariableDeclarationExpr d2) {
    this.first = first;
    this.second = second;
    this.firstCall = c1;
    this.secondCall = c2;
    this.firstDecl = d1;
    this.secondDecl = d2;
  }

  /**
   * The call of {@code f(a);}, or of {@code x.f = f(a);} (a store through a field or an array, which
   * a lambda may make; a local may not be assigned in one).
   */
  static Optional<MethodCallExpr> callStatement(Statement s) {
    if (!(s instanceof ExpressionStmt es)) return Optional.empty();
    if (es.getExpression() instanceof MethodCallExpr c) return Optional.of(c);
    if (es.getExpression() instanceof com.github.javaparser.ast.expr.AssignExpr a
        && a.getOperator() == com.github.javaparser.ast.expr.AssignExpr.Operator.ASSIGN
        && (a.getTarget().isFieldAccessExpr() || a.getTarget().isArrayAccessExpr())
        && a.getValue() instanceof MethodCallExpr c) {
      return Optional.of(c);
    }
    return Optional.empty();
  }

  /** What a task runs: the call, or the whole store for {@code x.f = f(a);}. */
  private static Node task(MethodCallExpr call) {
    return call.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.expr.AssignExpr).orElse(call);
  }

  static Optional<VariableDeclarationExpr> callDeclaration(Statement s) {
    if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr d
        && d.getVariables().size() == 1 && !d.getVariables().get(0).getType().isVarType()
        && d.getVariables().get(0).getInitializer().filter(Node -> Node instanceof MethodCallExpr).isPresent()) {
      return Optional.of(d);
    }
    return Optional.empty();
  }

  /** The pair, or the reason the two statements are not one the rewrite handles. */
  static Object of(Statement first, Statement second) {
    Optional<MethodCallExpr> c1 = callStatement(first);
    Optional<MethodCallExpr> c2 = callStatement(second);
    if (c1.isPresent() && c2.isPresent()) return new CallPair(first, second, c1.get(), c2.get(), null, null);
    Optional<VariableDeclarationExpr> d1 = callDeclaration(first);
    Optional<VariableDeclarationExpr> d2 = callDeclaration(second);
    if (d1.isPresent() && d2.isPresent()) {
      String firstVariable = d1.get().getVariables().get(0).getNameAsString();
      if (init(d2.get()).findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
          .anyMatch(n -> n.getNameAsString().equals(firstVariable))) {
        return "the second call uses `" + firstVariable + "`, the result of the first";
      }
      return new CallPair(first, second, (MethodCallExpr) init(d1.get()), (MethodCallExpr) init(d2.get()), d1.get(), d2.get());
    }
    return "the statements are not two calls nor two declarations initialised by a call (with an explicit type)";
  }

  private static Node init(VariableDeclarationExpr d) {
    return d.getVariables().get(0).getInitializer().orElseThrow();
  }

  boolean declarations() {
    return firstDecl != null;
  }

  List<Node> calls() {
    return declarations() ? List.of(firstCall, secondCall) : List.of(task(firstCall), task(secondCall));
  }

  /**
   * Statements that run both calls as tasks and leave the results where the original left them:
   * first line unindented, later ones at {@code indent}. For declarations, {@code assignOnly}
   * assigns variables declared earlier instead of declaring them.
   */
  String fork(RegionSite site, Map<String, String> renames, String indent, boolean assignOnly) {
    String eol = site.eol();
    String task1 = "() -> " + site.moved(declarations() ? firstCall : task(firstCall), renames, indent);
    String task2 = "() -> " + site.moved(declarations() ? secondCall : task(secondCall), renames, indent);
    if (!declarations()) return site.weft() + ".join(" + task1 + ", " + task2 + ");";
    VariableDeclarator v1 = firstDecl.getVariables().get(0);
    VariableDeclarator v2 = secondDecl.getVariables().get(0);
    String record = site.declared("Results");
    String results = site.declared("results");
    StringBuilder out = new StringBuilder();
    out.append("record ").append(record).append('(').append(v1.getType()).append(' ').append(v1.getName()).append(", ")
        .append(v2.getType()).append(' ').append(v2.getName()).append(") {}").append(eol).append(indent)
        .append(record).append(' ').append(results).append(" = ").append(site.weft()).append(".join(")
        .append(task1).append(", ").append(task2).append(", ").append(record).append("::new);");
    for (VariableDeclarationExpr d : List.of(firstDecl, secondDecl)) {
      VariableDeclarator v = d.getVariables().get(0);
      out.append(eol).append(indent);
      if (!assignOnly) out.append(modifiers(d)).append(v.getType()).append(' ');
      out.append(v.getName()).append(" = ").append(results).append('.').append(v.getName()).append("();");
    }
    return out.toString();
  }

  /** {@code final } or nothing: the declaration's modifiers as written. */
  static String modifiers(VariableDeclarationExpr d) {
    StringBuilder m = new StringBuilder();
    d.getModifiers().forEach(x -> m.append(x.getKeyword().asString()).append(' '));
    return m.toString();
  }
}
