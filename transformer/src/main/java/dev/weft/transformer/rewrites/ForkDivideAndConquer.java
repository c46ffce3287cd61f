package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.google.common.collect.ImmutableList;
import dev.weft.transformer.source.Edit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Divide and conquer: the self-calls run as two tasks, but only when a worker is idle, so a deep
 * recursion pays one field read per call when nobody would take the work and is never slower than
 * the original:
 *
 * <pre>
 * if (Weft.wantsWork()) {
 *   return Weft.joinLong(() -> fib(n - 1), () -> fib(n - 2), (left, right) -> left + right);
 * } else {
 *   return fib(n - 1) + fib(n - 2);   // the original statement
 * }
 * </pre>
 *
 * Handles two self-calls combined by one arithmetic or bitwise operator (in a {@code return} or
 * expression statement; in a declaration the same choice is a conditional expression), and two
 * consecutive self-call statements or declarations. Comparisons and {@code && ||} are not rewritten
 * (boxed comparison, short-circuit).
 */
public final class ForkDivideAndConquer {

  private static final Set<BinaryExpr.Operator> COMBINING = EnumSet.of(
      BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS, BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE,
      BinaryExpr.Operator.REMAINDER, BinaryExpr.Operator.BINARY_AND, BinaryExpr.Operator.BINARY_OR,
      BinaryExpr.Operator.XOR, BinaryExpr.Operator.LEFT_SHIFT, BinaryExpr.Operator.SIGNED_RIGHT_SHIFT,
      BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT);

  public Outcome rewrite(RegionSite site) {
    if (!(site.node() instanceof MethodDeclaration method) || method.getBody().isEmpty()) {
      return Outcome.skip("the region's location is not a method with a body");
    }
    List<Edit> edits = new ArrayList<>();
    BlockStmt body = method.getBody().get();
    for (BinaryExpr b : body.findAll(BinaryExpr.class)) {
      if (!COMBINING.contains(b.getOperator()) || !directlyIn(method, b)) continue;
      Optional<Statement> s = b.findAncestor(Statement.class);
      if (s.isEmpty()) continue;
      if (isSelfCall(method, b.getLeft()) && isSelfCall(method, b.getRight())) {
        edits.addAll(binary(site, method, b.getLeft(), b.getRight(), b.getOperator(), s.get()));
      } else if (reassociable(method, b, s.get())) {
        // return x + f(a) + f(b) parses as (x + f(a)) + f(b); integral + and * are associative
        // (wrap-around included), so x + (f(a) + f(b)) is the same value, evaluated in the same order.
        BinaryExpr inner = (BinaryExpr) b.getLeft();
        edits.addAll(binary(site, method, inner.getRight(), b.getRight(), b.getOperator(), s.get()));
      }
    }
    for (BlockStmt block : body.findAll(BlockStmt.class)) {
      if (!directlyIn(method, block)) continue;
      List<Statement> st = block.getStatements();
      for (int i = 0; i + 1 < st.size(); i++) {
        if (selfCallStatement(method, st.get(i)) && selfCallStatement(method, st.get(i + 1))
            && CallPair.of(st.get(i), st.get(i + 1)) instanceof CallPair p) {
          edits.add(pair(site, p));
          i++;
        }
      }
    }
    if (edits.isEmpty()) {
      return Outcome.skip("the self-calls are not two calls combined by one operator, nor two consecutive call statements");
    }
    return new Outcome.Rewritten(ImmutableList.copyOf(edits), getClass().getSimpleName());
  }

  private static boolean isSelfCall(MethodDeclaration m, Expression e) {
    if (!(e instanceof MethodCallExpr c) || !c.getNameAsString().equals(m.getNameAsString())
        || c.getArguments().size() != m.getParameters().size()) return false;
    if (c.getScope().isEmpty() || c.getScope().get().isThisExpr()) return true;
    return c.getScope().get() instanceof NameExpr n
        && m.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString().equals(n.getNameAsString())).orElse(false);
  }

  private static boolean reassociable(MethodDeclaration m, BinaryExpr outer, Statement s) {
    String type = m.getType().asString();
    return (type.equals("int") || type.equals("long"))
        && (outer.getOperator() == BinaryExpr.Operator.PLUS || outer.getOperator() == BinaryExpr.Operator.MULTIPLY)
        && s instanceof ReturnStmt r && r.getExpression().filter(e -> e == outer).isPresent()
        && isSelfCall(m, outer.getRight())
        && outer.getLeft() instanceof BinaryExpr inner && inner.getOperator() == outer.getOperator()
        && isSelfCall(m, inner.getRight()) && !isSelfCall(m, inner.getLeft());
  }

  private static boolean selfCallStatement(MethodDeclaration m, Statement s) {
    return CallPair.callStatement(s).filter(c -> isSelfCall(m, c)).isPresent()
        || CallPair.callDeclaration(s).filter(d -> isSelfCall(m, d.getVariables().get(0).getInitializer().get())).isPresent();
  }

  /** Not inside a lambda or a nested class of the method, where the calls would run elsewhere. */
  private static boolean directlyIn(MethodDeclaration m, Node n) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent() && p.get() != m) {
      if (p.get() instanceof LambdaExpr || p.get() instanceof ObjectCreationExpr || p.get() instanceof TypeDeclaration<?>) return false;
      p = p.get().getParentNode();
    }
    return true;
  }

  private static String joinCall(RegionSite site, MethodDeclaration m, Expression first, Expression second,
      BinaryExpr.Operator op, Map<String, String> renames, String indent) {
    String type = m.getType().asString();
    String method = switch (type) {
      case "int" -> "joinInt";
      case "long" -> "joinLong";
      case "double" -> "joinDouble";
      default -> "join";
    };
    String l = site.local("left");
    String r = site.local("right");
    return site.weft() + "." + method + "(() -> " + site.moved(first, renames, indent) + ", () -> "
        + site.moved(second, renames, indent) + ", (" + l + ", " + r + ") -> " + l + " "
        + op.asString() + " " + r + ")";
  }

  /** Forks {@code first ⊕ second}, the two self-calls, whose text runs from the first's start to the second's end. */
  private List<Edit> binary(RegionSite site, MethodDeclaration m, Expression first, Expression second,
      BinaryExpr.Operator op, Statement s) {
    String indent = site.indentOf(s);
    String inner = indent + site.unit();
    String eol = site.eol();
    RegionSite.Snapshots snapshots = site.snapshots(site.capturesIn(List.of(first, second), Set.of()), s, indent);
    String head = snapshots.lines() + site.headline("forks only while a worker is idle") + eol + indent;
    boolean statementForm = s instanceof ReturnStmt
        || (s instanceof ExpressionStmt es && !(es.getExpression() instanceof VariableDeclarationExpr));
    int begin = site.source().begin(first);
    int end = site.source().end(second);
    int bb = begin - site.source().begin(s);
    int be = end - site.source().begin(s);
    if (statementForm) {
      String original = site.text(s, Map.of());
      String forked = original.substring(0, bb) + joinCall(site, m, first, second, op, snapshots.renames(), indent)
          + original.substring(be);
      String text = head + "if (" + site.weft() + ".wantsWork()) {" + eol
          + inner + dev.weft.transformer.source.Indent.shift(forked, indent, inner) + eol
          + indent + "} else {" + eol
          + inner + site.moved(s, Map.of(), inner) + eol
          + indent + "}";
      return List.of(new Edit(site.source().begin(s), site.source().end(s), text));
    }
    // A declaration (or another statement): the same choice as a conditional expression, in place.
    boolean bare = first.getParentNode().flatMap(Node::getParentNode).filter(p -> p instanceof VariableDeclarator).isPresent();
    String choice = site.weft() + ".wantsWork() ? " + joinCall(site, m, first, second, op, snapshots.renames(), indent)
        + " : " + site.source().text().substring(begin, end);
    return List.of(
        new Edit(site.source().begin(s), site.source().begin(s), head),
        new Edit(begin, end, bare ? choice : "(" + choice + ")"));
  }

  private Edit pair(RegionSite site, CallPair p) {
    String indent = site.indentOf(p.first);
    String inner = indent + site.unit();
    String eol = site.eol();
    RegionSite.Snapshots snapshots = site.snapshots(site.capturesIn(p.calls(), Set.of()), p.first, indent);
    StringBuilder out = new StringBuilder(snapshots.lines())
        .append(site.headline("forks only while a worker is idle")).append(eol).append(indent);
    int begin = site.source().begin(p.first);
    int end = site.source().end(p.second);
    String original = dev.weft.transformer.source.Indent.shift(site.source().text().substring(begin, end), indent, inner);
    if (p.declarations()) {
      // Declared before the branches, assigned once on each path: still effectively final after.
      for (VariableDeclarationExpr d : List.of(p.firstDecl, p.secondDecl)) {
        VariableDeclarator v = d.getVariables().get(0);
        out.append(CallPair.modifiers(d)).append(v.getType()).append(' ').append(v.getName()).append(';').append(eol).append(indent);
      }
      original = inner + assignmentsOf(site, p, inner);
    } else {
      original = inner + original;
    }
    out.append("if (").append(site.weft()).append(".wantsWork()) {").append(eol)
        .append(inner).append(p.fork(site, snapshots.renames(), inner, p.declarations())).append(eol)
        .append(indent).append("} else {").append(eol)
        .append(original).append(eol)
        .append(indent).append("}");
    return new Edit(begin, end, out.toString());
  }

  /** {@code x = f(a);} for each declaration of the pair, the calls' text kept. */
  private static String assignmentsOf(RegionSite site, CallPair p, String inner) {
    StringBuilder out = new StringBuilder();
    for (VariableDeclarationExpr d : List.of(p.firstDecl, p.secondDecl)) {
      VariableDeclarator v = d.getVariables().get(0);
      if (out.length() > 0) out.append(site.eol()).append(inner);
      out.append(v.getName()).append(" = ").append(site.moved(v.getInitializer().get(), Map.of(), inner)).append(';');
    }
    return out.toString();
  }
}
