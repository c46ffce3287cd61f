package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.blockers.CallsImpureMethod;
import dev.weft.analyzer.findings.blockers.ThrowsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@code boolean} reduction {@code s = s && e1 && e2 …} (or {@code ||}) is parallel only if
 * evaluating its short-circuited operands where the sequential loop skips them is unobservable: the
 * sequential loop stops evaluating {@code e1} after the first false, a chunk keeps evaluating it
 * until its own copy turns false. So every short-circuited operand must, for every index of the
 * loop's range, have no side effect, throw nothing and terminate. Proven here by a small grammar of
 * total expressions (the effect summaries record explicit throws only, not the JVM's implicit
 * exceptions, so calls into project code are never proven):
 *
 * <ul>
 *   <li>primitive literals; primitive locals and parameters; primitive fields of {@code this};
 *   <li>unary, arithmetic, bitwise, shift and comparison operators, casts between primitives and
 *       {@code ?:}, on such operands; integral {@code /} and {@code %} only by a non-zero constant;
 *   <li>{@code a[x]} of a primitive element type, where {@code a} is a local the loop does not
 *       assign, {@code x} is made of the loop index and locals the loop does not assign, and the
 *       access is in bounds for every index: either the loop is {@code for (i = c; i < a.length;
 *       i += k)} with {@code c >= 0}, {@code k > 0} and {@code x} is {@code i}, or the same
 *       {@code a[x]} is evaluated unconditionally by an earlier statement of the body (an
 *       iteration where it throws never reaches the update);
 *   <li>calls of {@link #TOTAL} JDK methods, which neither throw nor write anything.
 * </ul>
 *
 * <p>Anything else is a blocker naming the operand and the reason. Not modelled: stack overflow and
 * out-of-memory errors (any evaluation may raise them).
 */
final class ShortCircuitOperands {

  /** Static JDK methods that return for every primitive argument, write nothing and throw nothing. */
  static final Map<String, Set<String>> TOTAL = Map.of(
      "Math", Set.of("abs", "min", "max", "signum", "sqrt", "cbrt", "floor", "ceil", "rint", "copySign", "hypot",
          "exp", "log", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "pow", "ulp"),
      "Integer", Set.of("bitCount", "signum", "compare", "compareUnsigned", "numberOfLeadingZeros", "numberOfTrailingZeros",
          "highestOneBit", "lowestOneBit", "reverse", "reverseBytes", "rotateLeft", "rotateRight", "hashCode", "sum", "min", "max"),
      "Long", Set.of("bitCount", "signum", "compare", "compareUnsigned", "numberOfLeadingZeros", "numberOfTrailingZeros",
          "highestOneBit", "lowestOneBit", "reverse", "reverseBytes", "rotateLeft", "rotateRight", "hashCode", "sum", "min", "max"),
      "Double", Set.of("isNaN", "isInfinite", "isFinite", "compare", "doubleToLongBits", "doubleToRawLongBits",
          "longBitsToDouble", "sum", "min", "max"),
      "Character", Set.of("isDigit", "isLetter", "isLetterOrDigit", "isWhitespace", "isUpperCase", "isLowerCase",
          "isSpaceChar", "toUpperCase", "toLowerCase"),
      "Boolean", Set.of("logicalAnd", "logicalOr", "logicalXor", "compare"));

  private final FileContext ctx;
  private final Statement loop;
  private final Statement body;
  private final CountedLoop.Canonical canonical;
  private final String accumulator;

  private ShortCircuitOperands(FileContext ctx, Statement loop, CountedLoop.Canonical canonical, String accumulator) {
    this.ctx = ctx;
    this.loop = loop;
    this.body = LoopAnalysis.bodyOf(loop);
    this.canonical = canonical;
    this.accumulator = accumulator;
  }

  /** Null when every short-circuited operand of {@code name}'s updates is proven total; else the blocker. */
  static Blocker check(FileContext ctx, Statement loop, CountedLoop.Canonical canonical, String name, String type) {
    ShortCircuitOperands c = new ShortCircuitOperands(ctx, loop, canonical, name);
    if (!type.replaceAll("\\s", "").equals("boolean")) {
      // s = s && e on a Boolean unboxes s, which may be null: the chunks would not fail where the loop does
      return ThrowsException.of(name + " is a " + type + " combined with && or ||: unboxing it may throw where the"
          + " parallel version would not", ctx.witness(loop));
    }
    for (AssignExpr a : c.body.findAll(AssignExpr.class)) {
      if (a.getOperator() != AssignExpr.Operator.ASSIGN || !(a.getTarget() instanceof NameExpr t)
          || !t.getNameAsString().equals(name)) continue;
      for (Expression operand : c.shortCircuited(ScalarReduction.strip(a.getValue()))) {
        Blocker b = c.judge(operand, a);
        if (b != null) return b;
      }
    }
    return null;
  }

  /** The operands of {@code s && e1 && e2} evaluated only while s (then e1 …) decide nothing yet. */
  private List<Expression> shortCircuited(Expression v) {
    List<Expression> out = new ArrayList<>();
    Expression cur = v;
    while (cur instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
      out.add(b.getRight());
      cur = ScalarReduction.strip(b.getLeft());
    }
    // e && s (the commuted form) evaluates e on every iteration, sequentially and in each chunk alike
    return cur instanceof NameExpr n && n.getNameAsString().equals(accumulator) ? out : List.of();
  }

  private Blocker judge(Expression operand, AssignExpr update) {
    Problem p = total(operand, update);
    if (p == null) return null;
    String why = "the short-circuit operand " + ctx.code(operand) + " of " + accumulator + "'s update " + p.why
        + ": the sequential loop skips it once " + accumulator + " is decided, a parallel one would evaluate it";
    return p.effect ? CallsImpureMethod.of(why, ctx.witness(p.where)) : ThrowsException.of(why, ctx.witness(p.where));
  }

  /** Why an operand is not proven total: {@code effect} when it writes, else because it may throw. */
  private record Problem(String why, Node where, boolean effect) {}

  private Problem total(Expression e, AssignExpr update) {
    if (e instanceof EnclosedExpr en) return total(en.getInner(), update);
    if (e instanceof BooleanLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr
        || e instanceof DoubleLiteralExpr || e instanceof CharLiteralExpr) return null;
    if (e instanceof NameExpr n) return name(n);
    if (e instanceof UnaryExpr u) {
      if (Names.isIncrement(u)) return new Problem("writes " + u.getExpression(), u, true);
      return total(u.getExpression(), update);
    }
    if (e instanceof AssignExpr a) return new Problem("assigns " + a.getTarget(), a, true);
    if (e instanceof BinaryExpr b) {
      Problem p = total(b.getLeft(), update);
      if (p == null) p = total(b.getRight(), update);
      if (p != null) return p;
      if (!primitive(b)) return new Problem("computes a " + typeOf(b) + " (only primitive values are proven total)", b, false);
      if ((b.getOperator() == BinaryExpr.Operator.DIVIDE || b.getOperator() == BinaryExpr.Operator.REMAINDER) && !floating(b)) {
        OptionalLong d = Constants.value(b.getRight());
        if (d.isEmpty() || d.getAsLong() == 0) {
          return new Problem("divides by " + ctx.code(b.getRight()) + ", which may be zero (ArithmeticException)", b, false);
        }
      }
      return null;
    }
    if (e instanceof CastExpr c) {
      if (!c.getType().isPrimitiveType()) return new Problem("casts to " + c.getType() + " (ClassCastException)", c, false);
      return total(c.getExpression(), update);
    }
    if (e instanceof ConditionalExpr c) {
      Problem p = total(c.getCondition(), update);
      if (p == null) p = total(c.getThenExpr(), update);
      return p != null ? p : total(c.getElseExpr(), update);
    }
    if (e instanceof ArrayAccessExpr aa) return element(aa, update);
    if (e instanceof MethodCallExpr m) return call(m, update);
    if (e instanceof FieldAccessExpr fa) {
      return new Problem("reads " + fa + ", whose object may be null (NullPointerException)", fa, false);
    }
    if (e instanceof ObjectCreationExpr o) return new Problem("allocates " + o.getType() + " and runs its constructor", o, false);
    return new Problem("is an expression the analysis cannot prove free of effects and exceptions", e, false);
  }

  private Problem name(NameExpr n) {
    if (n.getNameAsString().equals(accumulator)) return null;
    Names.Ref r = Names.classify(n);
    if (r.kind() != Names.Kind.LOCAL && r.kind() != Names.Kind.FIELD) {
      return new Problem("reads " + n + ", which is not a local or a field of this object", n, false);
    }
    if (!primitive(n)) return new Problem("reads " + n + ", a " + typeOf(n) + " (unboxing or dereferencing it may throw)", n, false);
    return null;
  }

  private Problem call(MethodCallExpr m, AssignExpr update) {
    String scope = m.getScope().map(Node::toString).orElse("");
    String simple = scope.startsWith("java.lang.") ? scope.substring("java.lang.".length()) : scope;
    if (!TOTAL.getOrDefault(simple, Set.of()).contains(m.getNameAsString())) {
      return new Problem("calls " + m.getNameAsString() + ", which is not proven to return normally for every argument"
          + " (effect summaries record explicit throws, not the JVM's implicit exceptions)", m, false);
    }
    for (Expression arg : m.getArguments()) {
      Problem p = total(arg, update);
      if (p != null) return p;
    }
    return null;
  }

  private Problem element(ArrayAccessExpr aa, AssignExpr update) {
    Problem p = total(aa.getIndex(), update);
    if (p != null) return p;
    if (!(aa.getName() instanceof NameExpr array) || Names.classify(array).kind() != Names.Kind.LOCAL || assignedInLoop(array.getNameAsString())) {
      return new Problem("reads " + aa + " from an array that is not a local the loop leaves unchanged", aa, false);
    }
    if (!primitive(aa)) return new Problem("reads " + aa + ", a " + typeOf(aa) + " (unboxing or dereferencing it may throw)", aa, false);
    for (NameExpr n : aa.getIndex().findAll(NameExpr.class)) {
      if (!isIndex(n) && assignedInLoop(n.getNameAsString())) {
        return new Problem("reads " + aa + " at an index the loop changes", aa, false);
      }
    }
    if (boundedByLength(aa, array.getNameAsString()) || readEarlier(aa, update)) return null;
    return new Problem("reads " + aa + ", an index the loop's bound does not keep inside " + array
        + " (ArrayIndexOutOfBoundsException)", aa, false);
  }

  /** {@code for (i = c; i < a.length; i += k)}, {@code c >= 0}, {@code k > 0}: a[i] is in bounds. */
  private boolean boundedByLength(ArrayAccessExpr aa, String array) {
    if (canonical == null || canonical.index() == null || !isIndex(aa.getIndex())) return false;
    VariableDeclarator index = canonical.index();
    OptionalLong from = index.getInitializer().map(Constants::value).orElse(OptionalLong.empty());
    long step;
    try {
      step = Long.parseLong(canonical.shape().step().trim());
    } catch (NumberFormatException e) {
      return false;
    }
    return from.isPresent() && from.getAsLong() >= 0 && step > 0 && canonical.shape().comparison().equals("<")
        && canonical.shape().to().replaceAll("\\s", "").equals(array + ".length");
  }

  /**
   * Whether a statement of the body before the update's evaluates the same {@code a[x]} whenever it
   * completes normally: an iteration where that access fails never reaches the update.
   */
  private boolean readEarlier(ArrayAccessExpr aa, AssignExpr update) {
    if (!(body instanceof BlockStmt block)) return false;
    for (Statement s : block.getStatements()) {
      if (update.isDescendantOf(s)) return false;
      for (ArrayAccessExpr x : s.findAll(ArrayAccessExpr.class)) {
        if (x.equals(aa) && unconditional(x, s)) return true;
      }
    }
    return false;
  }

  private static boolean unconditional(Node x, Statement top) {
    Node n = x;
    for (Node p = n.getParentNode().orElse(null); p != null; n = p, p = p.getParentNode().orElse(null)) {
      if (p == top) return top instanceof ExpressionStmt || top instanceof IfStmt i && i.getCondition() == n;
      if (p instanceof Statement || p instanceof LambdaExpr || p instanceof SwitchExpr) return false;
      if (p instanceof ConditionalExpr c && c.getCondition() != n) return false;
      if (p instanceof BinaryExpr b && b.getRight() == n
          && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) return false;
    }
    return false;
  }

  private boolean isIndex(Expression e) {
    return canonical != null && canonical.index() != null && e instanceof NameExpr n
        && n.getNameAsString().equals(canonical.index().getNameAsString());
  }

  private boolean assignedInLoop(String name) {
    for (AssignExpr a : loop.findAll(AssignExpr.class)) {
      if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) return true;
    }
    for (UnaryExpr u : loop.findAll(UnaryExpr.class)) {
      if (Names.isIncrement(u) && u.getExpression() instanceof NameExpr t && t.getNameAsString().equals(name)) return true;
    }
    return false;
  }

  private static boolean primitive(Expression e) {
    try {
      return e.calculateResolvedType().isPrimitive();
    } catch (RuntimeException | StackOverflowError | LinkageError ex) {
      return false;
    }
  }

  private static boolean floating(Expression e) {
    String t = typeOf(e);
    return t.equals("double") || t.equals("float");
  }

  private static String typeOf(Expression e) {
    try {
      return e.calculateResolvedType().describe();
    } catch (RuntimeException | StackOverflowError | LinkageError ex) {
      return "value of unresolved type";
    }
  }
}
