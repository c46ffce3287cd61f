package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.weft.analyzer.findings.LoopShape;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The canonical-form check: {@code for (int|long i = from; i <cmp> to; i += step)} with the index
 * not modified in the body, a loop-invariant bound and a loop-invariant non-zero step; or an
 * enhanced for over an array or a {@code RandomAccess} list.
 */
final class CountedLoop {

  /** A loop the runtime can split. {@code index} is null for enhanced loops. */
  record Canonical(LoopShape shape, VariableDeclarator index, DependenceTest.Space space,
      OptionalLong tripCount, String stepCheck) {}

  /** Either a canonical loop or why not (with the node to blame). */
  record Outcome(Canonical canonical, String problem, Node where, String unresolved) {}

  private static final Set<String> LIST_TYPES = Set.of("java.util.List", "java.util.ArrayList",
      "java.util.Vector", "java.util.concurrent.CopyOnWriteArrayList", "java.util.Arrays$ArrayList",
      "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
      "com.google.common.collect.ImmutableList");

  private CountedLoop() {}

  static Outcome check(Statement loop) {
    if (loop instanceof ForStmt f) return checkFor(f);
    if (loop instanceof ForEachStmt fe) return checkForEach(fe);
    String what = loop.isWhileStmt() ? "a while loop" : "a do-while loop";
    return new Outcome(null, what + " has no counted index the runtime can split", loop, null);
  }

  private static Outcome checkFor(ForStmt f) {
    if (f.getInitialization().size() != 1 || !(f.getInitialization().get(0) instanceof VariableDeclarationExpr v)
        || v.getVariables().size() != 1) {
      return fail("the loop does not declare a single index variable", f);
    }
    VariableDeclarator index = v.getVariables().get(0);
    String type = index.getTypeAsString();
    if (!type.equals("int") && !type.equals("long")) return fail("the index " + index.getName() + " is not an int or long", f);
    if (index.getInitializer().isEmpty()) return fail("the index has no initial value", f);
    String name = index.getNameAsString();
    if (f.getCompare().isEmpty() || !(f.getCompare().get() instanceof BinaryExpr cmp)) {
      return fail("the loop condition is not a comparison of the index", f);
    }
    String op;
    Expression bound;
    if (isName(cmp.getLeft(), name)) {
      op = cmp.getOperator().asString();
      bound = cmp.getRight();
    } else if (isName(cmp.getRight(), name)) {
      op = flip(cmp.getOperator().asString());
      bound = cmp.getLeft();
    } else {
      return fail("the loop condition does not compare the index " + name, cmp);
    }
    if (!Set.of("<", "<=", ">", ">=").contains(op)) return fail("the loop condition uses " + op + ", not < <= > >=", cmp);
    if (f.getUpdate().size() != 1) return fail("the loop does not have a single update of the index", f);
    Expression upd = f.getUpdate().get(0);
    String step;
    Expression stepExpr = null;
    if (upd instanceof UnaryExpr u && Names.isIncrement(u) && isName(u.getExpression(), name)) {
      boolean inc = u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
      step = inc ? "1" : "-1";
    } else if (upd instanceof AssignExpr a && isName(a.getTarget(), name)
        && (a.getOperator() == AssignExpr.Operator.PLUS || a.getOperator() == AssignExpr.Operator.MINUS)) {
      stepExpr = a.getValue();
      step = a.getOperator() == AssignExpr.Operator.PLUS ? stepExpr.toString() : "-(" + stepExpr + ")";
    } else if (upd instanceof AssignExpr a && isName(a.getTarget(), name) && a.getOperator() == AssignExpr.Operator.ASSIGN
        && a.getValue() instanceof BinaryExpr b && isName(b.getLeft(), name)
        && (b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MINUS)) {
      stepExpr = b.getRight();
      step = b.getOperator() == BinaryExpr.Operator.PLUS ? stepExpr.toString() : "-(" + stepExpr + ")";
    } else {
      return fail("the update " + upd + " is not a constant step of the index", upd);
    }
    // The index must not be written in the body.
    for (Node n : f.getBody().findAll(Node.class)) {
      Expression target = n instanceof AssignExpr a ? a.getTarget() : n instanceof UnaryExpr u && Names.isIncrement(u) ? u.getExpression() : null;
      if (target instanceof NameExpr t && t.getNameAsString().equals(name) && Names.findLocal(t, name) == index) {
        return fail("the index " + name + " is modified in the loop body", n);
      }
    }
    long stepValue;
    String stepCheck = null;
    OptionalLong constStep = stepExpr == null ? OptionalLong.of(Long.parseLong(step)) : Constants.value(stepExpr);
    if (constStep.isPresent()) {
      stepValue = stepExpr != null && step.startsWith("-(") ? -constStep.getAsLong() : constStep.getAsLong();
      if (stepValue == 0) return fail("the step is zero", upd);
      boolean up = op.startsWith("<");
      if (up != stepValue > 0) return fail("the step goes away from the bound", upd);
      step = Long.toString(stepValue);
    } else {
      if (!invariant(stepExpr, f)) return fail("the step " + stepExpr + " is not loop-invariant", upd);
      // A symbolic step is guarded at run time; dependence tests then work over all integers.
      stepValue = 1;
      boolean up = op.startsWith("<");
      boolean subtracts = step.startsWith("-(");
      // i += s moves towards an upper bound only when s > 0; i -= s only when s < 0
      stepCheck = up != subtracts ? stepExpr + " > 0" : stepExpr + " < 0";
    }
    if (!invariant(bound, f)) return fail("the bound " + bound + " is not loop-invariant", bound);
    Expression from = index.getInitializer().get();
    OptionalLong lo = Constants.value(from);
    OptionalLong hi = Constants.value(bound);
    OptionalLong trips = OptionalLong.empty();
    if (lo.isPresent() && hi.isPresent() && stepCheck == null) trips = OptionalLong.of(tripCount(lo.getAsLong(), op, hi.getAsLong(), stepValue));
    LoopShape shape = new LoopShape(false, type, name, from.toString(), op, bound.toString(), step, "");
    DependenceTest.Space space = new DependenceTest.Space(stepCheck == null ? lo : OptionalLong.empty(), stepValue, trips);
    if (stepCheck == null && Math.abs(stepValue) == 1) space = space.withBounds(from, op, bound);
    return new Outcome(new Canonical(shape, index, space, trips, stepCheck), null, null, null);
  }

  static long tripCount(long lo, String op, long hi, long step) {
    long span = switch (op) {
      case "<" -> hi - lo;
      case "<=" -> hi - lo + 1;
      case ">" -> lo - hi;
      default -> lo - hi + 1;
    };
    long s = Math.abs(step);
    return span <= 0 ? 0 : (span + s - 1) / s;
  }

  static OptionalLong knownTripCount(ForStmt f) {
    Outcome o = checkFor(f);
    return o.canonical() == null ? OptionalLong.empty() : o.canonical().tripCount();
  }

  static OptionalLong knownLength(Expression iterable) {
    return Constants.lengthOf(iterable);
  }

  private static Outcome checkForEach(ForEachStmt fe) {
    Expression it = fe.getIterable();
    ResolvedType t;
    try {
      t = it.calculateResolvedType();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return new Outcome(null, null, it, it.toString());
    }
    if (!invariant(it, fe)) return fail("the iterated expression " + it + " is not loop-invariant", it);
    String element = fe.getVariable().getElementType().asString();
    String name = fe.getVariable().getVariables().get(0).getNameAsString();
    if (t.isArray() || (t.isReferenceType() && isRandomAccessList(t.asReferenceType()))) {
      OptionalLong trips = knownLength(it);
      LoopShape shape = new LoopShape(true, element, name, "0", "<", "", "1", it.toString());
      return new Outcome(new Canonical(shape, null, new DependenceTest.Space(OptionalLong.of(0), 1, trips), trips, null), null, null, null);
    }
    return fail("the loop iterates over a " + t.describe().replaceAll("<.*>", "") + ", which is not an array nor a RandomAccess list", it);
  }

  private static boolean isRandomAccessList(ResolvedReferenceType t) {
    if (LIST_TYPES.contains(t.getQualifiedName())) return true;
    try {
      for (ResolvedReferenceType a : t.getAllAncestors()) if (a.getQualifiedName().equals("java.util.RandomAccess")) return true;
    } catch (RuntimeException e) {
      return false;
    }
    return false;
  }

  /**
   * Loop-invariant: no name in it is assigned in the loop, and its only calls are {@code size()}
   * or {@code length()} on a name (whose receiver's changes other blockers catch).
   */
  static boolean invariant(Expression e, Statement loop) {
    for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
      if (!(m.getArguments().isEmpty() && (m.getNameAsString().equals("size") || m.getNameAsString().equals("length"))
          && m.getScope().filter(s -> s instanceof NameExpr).isPresent())) return false;
    }
    for (com.github.javaparser.ast.expr.ArrayAccessExpr aa : e.findAll(com.github.javaparser.ast.expr.ArrayAccessExpr.class)) {
      if (rowReplaced(aa, loop)) return false;
    }
    if (e instanceof MethodCallExpr || e.findFirst(com.github.javaparser.ast.expr.ObjectCreationExpr.class).isPresent()) {
      return e instanceof MethodCallExpr m && m.getArguments().isEmpty();
    }
    for (NameExpr n : e.findAll(NameExpr.class)) {
      String name = n.getNameAsString();
      for (Node w : loop.findAll(Node.class)) {
        Expression target = w instanceof AssignExpr a ? a.getTarget() : w instanceof UnaryExpr u && Names.isIncrement(u) ? u.getExpression() : null;
        if (target == null) continue;
        if (target instanceof FieldAccessExpr fa) target = fa.getNameAsExpression();
        if (target instanceof NameExpr t && t.getNameAsString().equals(name)) return false;
      }
    }
    for (FieldAccessExpr fa : e.findAll(FieldAccessExpr.class)) {
      if (fa.getNameAsString().equals("length")) continue;
      String name = fa.getNameAsString();
      for (AssignExpr a : loop.findAll(AssignExpr.class)) {
        if (a.getTarget() instanceof FieldAccessExpr t && t.getNameAsString().equals(name)) return false;
        if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) return false;
      }
    }
    return true;
  }

  /** Whether the loop assigns an element at {@code aa}'s level or above of the same root array. */
  private static boolean rowReplaced(com.github.javaparser.ast.expr.ArrayAccessExpr aa, Statement loop) {
    int depth = 0;
    Expression root = aa;
    while (root instanceof com.github.javaparser.ast.expr.ArrayAccessExpr x) {
      depth++;
      root = x.getName();
    }
    if (!(root instanceof NameExpr r)) return true;
    for (Node w : loop.findAll(Node.class)) {
      Expression t = w instanceof AssignExpr a ? a.getTarget() : w instanceof UnaryExpr u && Names.isIncrement(u) ? u.getExpression() : null;
      int d = 0;
      while (t instanceof com.github.javaparser.ast.expr.ArrayAccessExpr x) {
        d++;
        t = x.getName();
      }
      if (d > 0 && d <= depth && t instanceof NameExpr n && n.getNameAsString().equals(r.getNameAsString())) return true;
    }
    return false;
  }

  private static boolean isName(Expression e, String name) {
    return e instanceof NameExpr n && n.getNameAsString().equals(name);
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static Outcome fail(String why, Node where) {
    return new Outcome(null, why, where, null);
  }
}
