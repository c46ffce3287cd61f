package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.weft.analyzer.findings.Accumulator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recognises a scalar accumulator: a local declared outside the loop whose every occurrence in the
 * body belongs to an update {@code s ⊕= e}, {@code s = s ⊕ e}, {@code s++}, {@code s = Math.max(s, e)},
 * {@code if (e > s) s = e}, {@code s = s.add(e)} (BigInteger/BigDecimal), or {@code s += e} on a
 * String, with one associative operator throughout and {@code e} free of {@code s} and of every
 * other value the loop carries.
 */
final class ScalarReduction {

  /** The accumulator, or why the variable is not one; {@code where} is the update to blame. */
  record Outcome(Accumulator accumulator, boolean floatingPoint, boolean conditionalFpForm, String failure, Node where) {}

  private static final Set<String> INTEGRAL = Set.of("int", "long", "short", "byte", "char");
  private static final Set<String> FLOATING = Set.of("float", "double");

  private ScalarReduction() {}

  /**
   * @param occurrences every NameExpr in the body that names the variable
   * @param carried other locals the loop writes: an operand reading one of them carries a value
   */
  static Outcome recognize(String name, String type, List<NameExpr> occurrences, Predicate<NameExpr> carried, Node loop) {
    Map<Node, Boolean> consumed = new IdentityHashMap<>();
    String op = null;
    Node first = null;
    boolean ifForm = false;
    boolean commutedPlus = false;
    List<Expression> allOperands = new java.util.ArrayList<>();
    for (NameExpr occ : occurrences) {
      if (consumed.containsKey(occ)) continue;
      if (occ.findAncestor(LambdaExpr.class).filter(l -> l.isDescendantOf(loop)).isPresent()) return fail(name + " is used in a lambda inside the loop", occ);
      Update u = updateOf(occ, name);
      if (u == null) return fail(name + " is read in the loop outside an update of the form " + name + " ⊕= e", enclosingStatement(occ));
      for (NameExpr n : u.node.findAll(NameExpr.class)) if (n.getNameAsString().equals(name)) consumed.put(n, true);
      for (Expression operand : u.operands) {
        for (NameExpr n : operand.findAll(NameExpr.class)) {
          if (n.getNameAsString().equals(name) && !u.ifForm) return fail(name + " appears on both sides of its update", u.node);
          if (!n.getNameAsString().equals(name) && carried.test(n)) return fail(name + "'s update reads " + n + ", which the loop also changes", u.node);
        }
      }
      if (u.ifForm && u.operands.get(0).findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name))) {
        return fail(name + " appears on both sides of its update", u.node);
      }
      if (u.op.equals("+c")) commutedPlus = true;
      if (!u.ifForm) allOperands.addAll(u.operands);
      if (first == null) first = u.node;
      ifForm |= u.ifForm;
      String canon = u.op.equals("-") || u.op.equals("+c") ? "+" : u.op;
      if (op == null) op = canon;
      else if (!op.equals(canon)) return fail(name + " is updated with both " + op + " and " + canon, u.node);
    }
    if (op == null) return fail(name + " is not updated", occurrences.isEmpty() ? null : occurrences.get(0));
    String t = type.replaceAll("\\s", "");
    boolean fp = FLOATING.contains(t) || t.equals("Double") || t.equals("Float");
    String base = t.equals("Integer") ? "int" : t.equals("Long") ? "long" : t.equals("Double") ? "double" : t.equals("Float") ? "float" : t;
    Accumulator.Shape shape = Accumulator.Shape.SCALAR;
    String identity;
    if (t.equals("String")) {
      if (!op.equals("+") || commutedPlus) return fail(name + " is a String built in an order concatenation cannot keep", first);
      shape = Accumulator.Shape.STRING_CONCAT;
      return new Outcome(new Accumulator(name, type, shape, "concat", "\"\""), false, false, null, first);
    }
    if (t.equals("BigInteger") || t.equals("java.math.BigInteger") || t.equals("BigDecimal") || t.equals("java.math.BigDecimal")) {
      String simple = t.substring(t.lastIndexOf('.') + 1);
      if (!op.equals("add") && !op.equals("multiply")) return fail(name + " is updated with " + op, first);
      return new Outcome(new Accumulator(name, type, shape, simple + "." + op, simple + (op.equals("add") ? ".ZERO" : ".ONE")), false, false, null, first);
    }
    if (base.equals("boolean") || t.equals("Boolean")) {
      identity = switch (op) {
        case "&&", "&" -> "true";
        case "||", "|", "^" -> "false";
        default -> null;
      };
      if (identity == null) return fail(name + " is a boolean updated with " + op, first);
      return new Outcome(new Accumulator(name, type, shape, op, identity), false, false, null, first);
    }
    if (!INTEGRAL.contains(base) && !FLOATING.contains(base)) return fail(name + " has type " + type + ", which has no known associative " + op, first);
    if (fp && !Set.of("+", "*", "min", "max").contains(op)) return fail(name + " is a " + base + " updated with " + op, first);
    if (!fp && !Set.of("+", "*", "&", "|", "^", "min", "max").contains(op)) return fail(name + " is updated with " + op, first);
    if (!fp) {
      // int s; s += 1.5: the compound assignment truncates every step, which does not reassociate
      for (Expression operand : allOperands) {
        String ot;
        try {
          ot = operand.calculateResolvedType().describe();
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
          return fail("cannot resolve the type of " + operand + " in " + name + "'s update", first);
        }
        if (Set.of("float", "double", "java.lang.Float", "java.lang.Double").contains(ot)) {
          return fail(name + " is " + base + " but its update adds a " + ot + ": truncated at every step", first);
        }
      }
    }
    identity = identity(base, op);
    boolean needsOptIn = fp && (op.equals("+") || op.equals("*"));
    return new Outcome(new Accumulator(name, type, shape, op, identity), needsOptIn, fp && ifForm, null, first);
  }

  static String identity(String type, String op) {
    String boxed = switch (type) {
      case "int" -> "Integer";
      case "long" -> "Long";
      case "short" -> "Short";
      case "byte" -> "Byte";
      case "char" -> "Character";
      case "float" -> "Float";
      default -> "Double";
    };
    String suffix = type.equals("long") ? "L" : type.equals("float") ? ".0f" : type.equals("double") ? ".0" : "";
    String cast = Set.of("short", "byte", "char").contains(type) ? "(" + type + ") " : "";
    return switch (op) {
      case "+", "|", "^" -> cast + "0" + suffix;
      case "*" -> cast + "1" + suffix;
      case "&" -> cast + "-1" + (type.equals("long") ? "L" : "");
      case "min" -> FLOATING.contains(type) ? boxed + ".POSITIVE_INFINITY" : boxed + ".MAX_VALUE";
      case "max" -> FLOATING.contains(type) ? boxed + ".NEGATIVE_INFINITY" : boxed + ".MIN_VALUE";
      default -> "";
    };
  }

  private record Update(Node node, String op, List<Expression> operands, boolean ifForm) {}

  private static Update updateOf(NameExpr occ, String name) {
    Node p = occ.getParentNode().orElse(null);
    // s++ / s-- as a statement
    if (p instanceof UnaryExpr u && Names.isIncrement(u) && isStatement(u)) {
      return new Update(u, "+", List.of(), false);
    }
    // the target of an assignment statement
    AssignExpr a = null;
    if (p instanceof AssignExpr pa && pa.getTarget() == occ) a = pa;
    else {
      // an occurrence inside the value of `s = …` / inside the condition of `if (e > s) s = e`
      Node c = occ;
      while (c != null && !(c instanceof Statement)) {
        if (c instanceof AssignExpr pa && pa.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
          a = pa;
          break;
        }
        c = c.getParentNode().orElse(null);
      }
      if (a == null && c instanceof IfStmt ifs) return ifForm(ifs, name);
      if (a == null) return null;
    }
    if (!isStatement(a)) {
      // the assignment may be the then-branch of `if (e > s) s = e`
      return null;
    }
    IfStmt guard = guardOf(a);
    if (guard != null) {
      Update u = ifForm(guard, name);
      if (u != null) return u;
    }
    Expression v = strip(a.getValue());
    switch (a.getOperator()) {
      case PLUS: return new Update(a, "+", List.of(v), false);
      case MINUS: return new Update(a, "-", List.of(v), false);
      case MULTIPLY: return new Update(a, "*", List.of(v), false);
      case BINARY_AND: return new Update(a, "&", List.of(v), false);
      case BINARY_OR: return new Update(a, "|", List.of(v), false);
      case XOR: return new Update(a, "^", List.of(v), false);
      case ASSIGN: break;
      default: return null;
    }
    if (v instanceof BinaryExpr b) {
      String op = binaryOp(b.getOperator());
      if (op == null) return null;
      // s = s ⊕ e1 ⊕ e2 …: s is the leftmost leaf of a left-nested chain of one operator
      Expression leftmost = b;
      while (leftmost instanceof BinaryExpr lb && sameFamily(binaryOp(lb.getOperator()), op)) leftmost = strip(lb.getLeft());
      if (isName(leftmost, name)) {
        return new Update(a, op, rightOperands(b), false);
      }
      // s = e ⊕ s for commutative ⊕
      if (isName(strip(b.getRight()), name) && Set.of("+", "*", "&", "|", "^", "&&", "||").contains(op)) {
        return new Update(a, op.equals("+") ? "+c" : op, List.of(b.getLeft()), false);
      }
      return null;
    }
    if (v instanceof MethodCallExpr m) {
      String mn = m.getNameAsString();
      if ((mn.equals("max") || mn.equals("min")) && m.getArguments().size() == 2 && m.getScope().isPresent()
          && Set.of("Math", "StrictMath", "Integer", "Long", "Double", "Float").contains(m.getScope().get().toString())) {
        Expression x = strip(m.getArgument(0)), y = strip(m.getArgument(1));
        if (isName(x, name)) return new Update(a, mn, List.of(y), false);
        if (isName(y, name)) return new Update(a, mn, List.of(x), false);
        return null;
      }
      if ((mn.equals("add") || mn.equals("multiply")) && m.getArguments().size() == 1
          && m.getScope().filter(s -> isName(strip(s), name)).isPresent()) {
        return new Update(a, mn, List.of(m.getArgument(0)), false);
      }
    }
    return null;
  }

  /** The right operands e1, e2 … of {@code s ⊕ e1 ⊕ e2}, whose leftmost leaf is s. */
  private static List<Expression> rightOperands(BinaryExpr b) {
    List<Expression> out = new java.util.ArrayList<>();
    Expression cur = b;
    while (cur instanceof BinaryExpr cb) {
      out.add(cb.getRight());
      cur = strip(cb.getLeft());
    }
    return out;
  }

  private static Update ifForm(IfStmt ifs, String name) {
    if (ifs.getElseStmt().isPresent()) return null;
    Statement then = ifs.getThenStmt();
    if (then instanceof BlockStmt bs && bs.getStatements().size() == 1) then = bs.getStatement(0);
    if (!(then instanceof ExpressionStmt es) || !(es.getExpression() instanceof AssignExpr a)
        || a.getOperator() != AssignExpr.Operator.ASSIGN || !isName(a.getTarget(), name)) return null;
    if (!(strip(ifs.getCondition()) instanceof BinaryExpr c)) return null;
    Expression e = strip(a.getValue());
    String op = switch (c.getOperator()) {
      case GREATER, GREATER_EQUALS -> "gt";
      case LESS, LESS_EQUALS -> "lt";
      default -> null;
    };
    if (op == null) return null;
    Expression l = strip(c.getLeft()), r = strip(c.getRight());
    String kind;
    if (l.equals(e) && isName(r, name)) kind = op.equals("gt") ? "max" : "min";
    else if (r.equals(e) && isName(l, name)) kind = op.equals("gt") ? "min" : "max";
    else return null;
    return new Update(ifs, kind, List.of(e, strip(ifs.getCondition())), true);
  }

  private static IfStmt guardOf(AssignExpr a) {
    Node s = a.getParentNode().orElse(null);
    Node p = s == null ? null : s.getParentNode().orElse(null);
    if (p instanceof BlockStmt b && b.getStatements().size() == 1) p = b.getParentNode().orElse(null);
    return p instanceof IfStmt i ? i : null;
  }

  private static boolean isStatement(Expression e) {
    return e.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent();
  }

  private static Node enclosingStatement(Node n) {
    Node c = n;
    while (c != null && !(c instanceof Statement)) c = c.getParentNode().orElse(null);
    return c == null ? n : c;
  }

  private static boolean sameFamily(String a, String b) {
    if (a == null || b == null) return false;
    if ((a.equals("+") || a.equals("-")) && (b.equals("+") || b.equals("-"))) return true;
    return a.equals(b);
  }

  private static String binaryOp(BinaryExpr.Operator o) {
    return switch (o) {
      case PLUS -> "+";
      case MINUS -> "-";
      case MULTIPLY -> "*";
      case BINARY_AND -> "&";
      case BINARY_OR -> "|";
      case XOR -> "^";
      case AND -> "&&";
      case OR -> "||";
      default -> null;
    };
  }

  static Expression strip(Expression e) {
    while (e instanceof EnclosedExpr en) e = en.getInner();
    return e;
  }

  private static boolean isName(Expression e, String name) {
    return e instanceof NameExpr n && n.getNameAsString().equals(name);
  }

  private static Outcome fail(String why, Node where) {
    return new Outcome(null, false, false, why, where);
  }
}
