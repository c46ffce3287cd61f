package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import dev.weft.transformer.source.Indent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iteration space of an accepted loop, re-derived from the AST (the analyzer's
 * {@code LoopShape} is only a cross-check): {@code [from, to)} in ascending index order, and how to
 * run iterations {@code [lo, hi)} of it with the original body. Handles {@code for (int|long i =
 * a; i < b | i <= b; i++ | ++i | i += 1)} and enhanced {@code for} over an array or a list.
 *
 * <p>Not handled (the region is skipped with the reason): descending loops and steps other than
 * one, whose chunks would have to be renumbered.
 */
public final class LoopRange {

  private final RegionSite site;
  private final Statement loop;
  private final boolean enhanced;
  private final String from;
  private final String to;
  // counted loops
  private final String indexType;
  private final String index;
  private final String update;
  // enhanced loops
  private final ForEachStmt forEach;
  private final boolean overArray;

  private LoopRange(RegionSite site, Statement loop, boolean enhanced, String from, String to, String indexType,
      String index, String update, ForEachStmt forEach, boolean overArray) {
    this.site = site;
    this.loop = loop;
    this.enhanced = enhanced;
    this.from = from;
    this.to = to;
    this.indexType = indexType;
    this.index = index;
    this.update = update;
    this.forEach = forEach;
    this.overArray = overArray;
  }

  /** The loop's range, or the reason the rewrite cannot re-derive one. */
  public static Object of(RegionSite site) {
    Node n = site.node();
    if (n instanceof ForStmt f) return counted(site, f);
    if (n instanceof ForEachStmt f) return enhanced(site, f);
    return "the region's location is not a for loop";
  }

  private static Object counted(RegionSite site, ForStmt f) {
    if (f.getInitialization().size() != 1 || !(f.getInitialization().get(0) instanceof VariableDeclarationExpr init)
        || init.getVariables().size() != 1) {
      return "the loop does not declare a single index variable";
    }
    VariableDeclarator v = init.getVariables().get(0);
    String type = v.getType().asString();
    if (!type.equals("int") && !type.equals("long")) return "the index is not an int or long";
    if (v.getInitializer().isEmpty()) return "the index has no initial value";
    String i = v.getNameAsString();
    Long step = f.getUpdate().size() == 1 ? stepOf(f.getUpdate().get(0), i) : null;
    if (step == null || step == 0) return "the step is not a constant written as a literal";
    if (f.getCompare().isEmpty() || !(f.getCompare().get() instanceof BinaryExpr cmp)) {
      return "the loop has no comparison";
    }
    BinaryExpr.Operator op;
    Expression bound;
    if (cmp.getLeft() instanceof NameExpr l && l.getNameAsString().equals(i)) {
      op = cmp.getOperator();
      bound = cmp.getRight();
    } else if (cmp.getRight() instanceof NameExpr r && r.getNameAsString().equals(i)) {
      op = switch (cmp.getOperator()) {
        case LESS -> BinaryExpr.Operator.GREATER;
        case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
        case GREATER -> BinaryExpr.Operator.LESS;
        case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
        default -> cmp.getOperator();
      };
      bound = cmp.getLeft();
    } else {
      return "the comparison does not test the index against a bound";
    }
    boolean up = step > 0;
    boolean inclusive = op == BinaryExpr.Operator.LESS_EQUALS || op == BinaryExpr.Operator.GREATER_EQUALS;
    boolean fits = up ? op == BinaryExpr.Operator.LESS || op == BinaryExpr.Operator.LESS_EQUALS
        : op == BinaryExpr.Operator.GREATER || op == BinaryExpr.Operator.GREATER_EQUALS;
    if (!fits) return "the comparison does not bound the index in the direction it moves";
    String from = site.text(v.getInitializer().get(), Map.of());
    String to = site.text(bound, Map.of());
    if (step == 1) {
      if (inclusive) to = (simple(bound) ? to : "(" + to + ")") + " + 1";
      return new LoopRange(site, f, false, from, to, type, i, site.text(f.getUpdate().get(0), Map.of()), null, false);
    }
    if (!type.equals("int")) return "steps other than +1 with a long index are not rewritten yet";
    // Any other constant step: count the iterations, and let iteration k compute the index the
    // k-th sequential iteration had. Chunks then run in sequential order, even for descending
    // loops, so the first exception and non-commutative combines are the sequential ones.
    long s = Math.abs(step);
    boolean literal = v.getInitializer().get() instanceof IntegerLiteralExpr
        || v.getInitializer().get() instanceof UnaryExpr u && u.getExpression() instanceof IntegerLiteralExpr;
    String start = literal ? from : site.declared(i + "Start");
    String last = simple(bound) ? to : "(" + to + ")";
    String span = up ? "(long) " + last + (start.equals("0") ? "" : " - " + start)
        : "(long) " + start + (last.equals("0") ? "" : " - " + last);
    long plus = inclusive ? s : s - 1;
    String sum = plus > 0 ? "(" + span + " + " + plus + ")" : span;
    String count = "(int) Math.max(0L, " + (s == 1 ? sum : sum + " / " + s) + ")";
    LoopRange r = new LoopRange(site, f, false, "0", count, type, i, null, null, false);
    r.start = start;
    if (!literal) r.hoisted = "final int " + start + " = " + from + ";";
    r.step = step;
    return r;
  }

  /** The signed constant step of {@code i++}, {@code i -= 3}, {@code i = i + 2} …; null otherwise. */
  private static Long stepOf(Expression u, String i) {
    if (u instanceof UnaryExpr un && un.getExpression() instanceof NameExpr n && n.getNameAsString().equals(i)) {
      return switch (un.getOperator()) {
        case POSTFIX_INCREMENT, PREFIX_INCREMENT -> 1L;
        case POSTFIX_DECREMENT, PREFIX_DECREMENT -> -1L;
        default -> null;
      };
    }
    if (u instanceof AssignExpr a && a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(i)) {
      if (a.getOperator() == AssignExpr.Operator.PLUS) return literal(a.getValue());
      if (a.getOperator() == AssignExpr.Operator.MINUS) return negate(literal(a.getValue()));
      if (a.getOperator() == AssignExpr.Operator.ASSIGN && a.getValue() instanceof BinaryExpr b
          && b.getLeft() instanceof NameExpr l && l.getNameAsString().equals(i)) {
        if (b.getOperator() == BinaryExpr.Operator.PLUS) return literal(b.getRight());
        if (b.getOperator() == BinaryExpr.Operator.MINUS) return negate(literal(b.getRight()));
      }
    }
    return null;
  }

  private static Long literal(Expression e) {
    try {
      if (e instanceof IntegerLiteralExpr l) return (long) l.asNumber().intValue();
      if (e.isLongLiteralExpr()) return e.asLongLiteralExpr().asNumber().longValue();
    } catch (NumberFormatException ignored) {
      // not a plain decimal literal
    }
    return null;
  }

  private static Long negate(Long v) {
    return v == null ? null : -v;
  }

  private static boolean simple(Expression e) {
    return e instanceof NameExpr || e instanceof IntegerLiteralExpr || e instanceof FieldAccessExpr
        || e.isMethodCallExpr() || e.isArrayAccessExpr() || e.isLongLiteralExpr();
  }

  private static Object enhanced(RegionSite site, ForEachStmt f) {
    Expression it = f.getIterable();
    String name;
    if (it instanceof NameExpr n) {
      name = n.getNameAsString();
    } else if (it instanceof FieldAccessExpr fa && fa.getScope().isThisExpr()) {
      name = fa.getNameAsString();
    } else {
      return "the loop iterates over an expression, not a variable: its type is not known to the rewrite";
    }
    Optional<Type> type = site.localType(name, f).or(() -> fieldType(f, name));
    if (type.isEmpty()) return "cannot find the declaration of `" + name + "`";
    boolean array = type.get().isArrayType();
    String t = type.get().asString();
    if (!array && !t.matches("(java\\.util\\.)?(List|ArrayList|CopyOnWriteArrayList|Vector)(<.*>)?")) {
      return "`" + name + "` is a " + t + ", not an array or a RandomAccess List";
    }
    String iter = site.text(it, Map.of());
    String to = iter + (array ? ".length" : ".size()");
    return new LoopRange(site, f, true, "0", to, "int", null, null, f, array);
  }

  private static Optional<Type> fieldType(Node at, String name) {
    Optional<Node> p = at.getParentNode();
    while (p.isPresent()) {
      if (p.get() instanceof com.github.javaparser.ast.body.TypeDeclaration<?> td) {
        Optional<Type> t = td.getFieldByName(name).map(fd -> fd.getVariables().stream()
            .filter(v -> v.getNameAsString().equals(name)).findFirst().orElseThrow().getType());
        if (t.isPresent()) return t;
      }
      p = p.get().getParentNode();
    }
    return Optional.empty();
  }

  private String chunkDeclarations = "";
  // counted loops with a step other than +1: iteration k runs index start + k * step
  private String start;
  private String hoisted = "";
  private long step;

  /** A declaration to put before the runtime call (the loop's first index), or empty. */
  public String hoisted() {
    return hoisted;
  }

  /** Declarations (each ending with a line separator) the chunk needs before its loop. */
  public void declareInChunk(String declarations) {
    this.chunkDeclarations = declarations;
  }

  public Statement loop() {
    return loop;
  }

  public boolean enhanced() {
    return enhanced;
  }

  /** First index, as source text evaluated before the loop. */
  public String from() {
    return from;
  }

  /** Exclusive end index, as source text evaluated before the loop. */
  public String to() {
    return to;
  }

  /** The counted loop's index variable; null for enhanced loops (the chunk loop declares its own). */
  public String index() {
    return index;
  }

  /** The index type of the range: {@code int} or {@code long}. */
  public String indexType() {
    return indexType;
  }

  /** The nodes the lambda will contain: the body, and for enhanced loops the iterable too. */
  // (a hoisted start is a fresh final local: never captured)
  public List<Node> insideNodes() {
    return enhanced ? List.of(forEach.getBody(), forEach.getIterable()) : List.of(((ForStmt) loop).getBody());
  }

  /**
   * The loop over {@code [lo, hi)} with the original body (renamed locals applied), its first line
   * unindented and the rest at {@code indent}.
   */
  public String chunkLoop(String lo, String hi, Map<String, String> renames, String indent) {
    String declarations = chunkDeclarations.isEmpty() ? ""
        : Indent.shift(chunkDeclarations, "", indent) + indent;
    return declarations + loopOnly(lo, hi, renames, indent);
  }

  private String loopOnly(String lo, String hi, Map<String, String> renames, String indent) {
    if (!enhanced && start == null) {
      ForStmt f = (ForStmt) loop;
      String body = site.moved(f.getBody(), renames, indent);
      return "for (" + indexType + " " + index + " = " + lo + "; " + index + " < " + hi + "; " + update + ") " + body;
    }
    if (!enhanced) {
      String k = site.local("k");
      long s = Math.abs(step);
      String offset = s == 1 ? k : k + " * " + s;
      String header = "for (int " + k + " = " + lo + "; " + k + " < " + hi + "; " + k + "++) ";
      String decl = "int " + index + " = " + (start.equals("0") && step > 0 ? offset
          : start + (step > 0 ? " + " : " - ") + offset) + ";";
      return withDeclaration(header, decl, ((ForStmt) loop).getBody(), renames, indent);
    }
    String i = site.local("i");
    String element = site.text(forEach.getVariable(), Map.of());
    String iter = site.text(forEach.getIterable(), renames);
    String access = overArray ? iter + "[" + i + "]" : iter + ".get(" + i + ")";
    String header = "for (int " + i + " = " + lo + "; " + i + " < " + hi + "; " + i + "++) ";
    String decl = element + " = " + access + ";";
    return withDeclaration(header, decl, forEach.getBody(), renames, indent);
  }

  /** {@code header { decl; <original body statements> }}, the body's text kept. */
  private String withDeclaration(String header, String decl, Statement body, Map<String, String> renames, String indent) {
    String eol = site.eol();
    String unit = site.unit();
    if (body instanceof BlockStmt) {
      String moved = site.moved(body, renames, indent);
      return header + "{" + eol + indent + unit + decl + moved.substring(1);
    }
    String moved = site.moved(body, renames, indent + unit);
    return header + "{" + eol + indent + unit + decl + eol + indent + unit + moved + eol + indent + "}";
  }
}
