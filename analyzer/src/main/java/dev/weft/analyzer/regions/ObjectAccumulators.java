package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.weft.analyzer.findings.Accumulator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the statements that update an object accumulator: {@code list.add(e)},
 * {@code sb.append(a).append(b)}, {@code map.merge(k, v, f)} and
 * {@code map.put(k, map.getOrDefault(k, z) ⊕ v)}, each as a whole statement on a named receiver.
 * Whether the receiver qualifies (a fresh local the loop only updates that way) is decided by
 * {@link LoopAnalysis}.
 */
final class ObjectAccumulators {

  /** One recognised update: its receiver name, shape, operator, identity, calls it consists of. */
  record Update(String receiver, NameExpr receiverUse, Accumulator.Shape shape, String operator, String identity,
      boolean floatingPoint, ExpressionStmt statement, Set<MethodCallExpr> calls) {}

  private static final Map<String, String> MERGE_FUNCTIONS = Map.ofEntries(
      Map.entry("Integer::sum", "+"), Map.entry("Long::sum", "+"), Map.entry("Double::sum", "+"),
      Map.entry("Float::sum", "+"), Map.entry("Integer::max", "max"), Map.entry("Integer::min", "min"),
      Map.entry("Long::max", "max"), Map.entry("Long::min", "min"), Map.entry("Math::max", "max"),
      Map.entry("Math::min", "min"), Map.entry("BigInteger::add", "BigInteger.add"),
      Map.entry("BigInteger::multiply", "BigInteger.multiply"), Map.entry("BigDecimal::add", "BigDecimal.add"),
      Map.entry("String::concat", "concat"), Map.entry("Boolean::logicalOr", "||"), Map.entry("Boolean::logicalAnd", "&&"),
      Map.entry("Double::max", "max"), Map.entry("Double::min", "min"));

  private ObjectAccumulators() {}

  static Optional<Update> of(ExpressionStmt s) {
    if (!(s.getExpression() instanceof MethodCallExpr m)) return Optional.empty();
    String name = m.getNameAsString();
    if (name.equals("append")) return append(s, m);
    if (name.equals("add") && m.getArguments().size() == 1) {
      return receiver(m).map(r -> new Update(r.getNameAsString(), r, Accumulator.Shape.LIST_APPEND, "add", "", false, s, Set.of(m)));
    }
    if (name.equals("merge") && m.getArguments().size() == 3) {
      Optional<NameExpr> r = receiver(m);
      if (r.isEmpty()) return Optional.empty();
      Expression f = m.getArgument(2);
      String op = mergeOperator(f);
      if (op == null) return Optional.of(new Update(r.get().getNameAsString(), r.get(), Accumulator.Shape.KEYED_MAP, null, "", false, s, Set.of(m)));
      boolean fp = f.toString().startsWith("Double") || f.toString().startsWith("Float");
      return Optional.of(new Update(r.get().getNameAsString(), r.get(), Accumulator.Shape.KEYED_MAP, f.toString(), "", fp, s, Set.of(m)));
    }
    if (name.equals("put") && m.getArguments().size() == 2) {
      Optional<NameExpr> r = receiver(m);
      if (r.isEmpty()) return Optional.empty();
      Expression key = m.getArgument(0);
      if (!(ScalarReduction.strip(m.getArgument(1)) instanceof BinaryExpr b)) return Optional.empty();
      MethodCallExpr get = null;
      Expression other = null;
      if (isGetOrDefault(b.getLeft(), r.get().getNameAsString(), key)) {
        get = (MethodCallExpr) ScalarReduction.strip(b.getLeft());
        other = b.getRight();
      } else if (isGetOrDefault(b.getRight(), r.get().getNameAsString(), key) && b.getOperator() != BinaryExpr.Operator.MINUS) {
        get = (MethodCallExpr) ScalarReduction.strip(b.getRight());
        other = b.getLeft();
      }
      if (get == null) return Optional.empty();
      String op = switch (b.getOperator()) {
        case PLUS -> "+";
        case MULTIPLY -> "*";
        case BINARY_AND -> "&";
        case BINARY_OR -> "|";
        case XOR -> "^";
        default -> null;
      };
      Expression zero = get.getArgument(1);
      boolean fp = zero.isDoubleLiteralExpr();
      // Each task starts its keys from the default again, so it must be the operator's identity:
      // getOrDefault(k, 5) + v would add 5 once per task instead of once.
      if (op != null && !isIdentity(zero, op)) op = null;
      if (op == null) return Optional.of(new Update(r.get().getNameAsString(), r.get(), Accumulator.Shape.KEYED_MAP, null, "", false, s, Set.of(m, get)));
      if (other.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(r.get().getNameAsString()))) return Optional.empty();
      return Optional.of(new Update(r.get().getNameAsString(), r.get(), Accumulator.Shape.KEYED_MAP, op, zero.toString(), fp, s, Set.of(m, get)));
    }
    return Optional.empty();
  }

  /** Whether {@code e} is a numeric literal equal to the identity of {@code op}. */
  static boolean isIdentity(Expression e, String op) {
    Expression x = ScalarReduction.strip(e);
    boolean negative = false;
    if (x instanceof com.github.javaparser.ast.expr.UnaryExpr u
        && u.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.MINUS) {
      negative = true;
      x = ScalarReduction.strip(u.getExpression());
    }
    double v;
    try {
      if (x instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr i) v = i.asNumber().doubleValue();
      else if (x instanceof com.github.javaparser.ast.expr.LongLiteralExpr l) v = l.asNumber().doubleValue();
      else if (x instanceof com.github.javaparser.ast.expr.DoubleLiteralExpr d) v = d.asDouble();
      else return false;
    } catch (NumberFormatException ex) {
      return false;
    }
    if (negative) v = -v;
    return switch (op) {
      case "+", "|", "^" -> v == 0;
      case "*" -> v == 1;
      case "&" -> v == -1;
      default -> false;
    };
  }

  private static Optional<Update> append(ExpressionStmt s, MethodCallExpr outer) {
    Set<MethodCallExpr> calls = new java.util.HashSet<>();
    Expression cur = outer;
    while (cur instanceof MethodCallExpr m && m.getNameAsString().equals("append") && m.getArguments().size() == 1) {
      calls.add(m);
      if (m.getScope().isEmpty()) return Optional.empty();
      cur = m.getScope().get();
    }
    if (!(cur instanceof NameExpr r)) return Optional.empty();
    return Optional.of(new Update(r.getNameAsString(), r, Accumulator.Shape.BUILDER_APPEND, "concat", "", false, s, calls));
  }

  private static boolean isGetOrDefault(Expression e, String map, Expression key) {
    return ScalarReduction.strip(e) instanceof MethodCallExpr g && g.getNameAsString().equals("getOrDefault")
        && g.getArguments().size() == 2 && g.getScope().filter(sc -> sc instanceof NameExpr n && n.getNameAsString().equals(map)).isPresent()
        && g.getArgument(0).equals(key);
  }

  private static Optional<NameExpr> receiver(MethodCallExpr m) {
    return m.getScope().filter(sc -> sc instanceof NameExpr).map(sc -> (NameExpr) sc);
  }

  /** The associative operator of a merge function, or null when it is not a known one. */
  static String mergeOperator(Expression f) {
    if (f instanceof MethodReferenceExpr mr) return MERGE_FUNCTIONS.get(mr.toString());
    if (f instanceof LambdaExpr l && l.getParameters().size() == 2 && l.getExpressionBody().isPresent()) {
      String a = l.getParameter(0).getNameAsString(), b = l.getParameter(1).getNameAsString();
      Expression body = ScalarReduction.strip(l.getExpressionBody().get());
      if (body instanceof BinaryExpr be && ScalarReduction.strip(be.getLeft()) instanceof NameExpr x
          && ScalarReduction.strip(be.getRight()) instanceof NameExpr y
          && ((x.getNameAsString().equals(a) && y.getNameAsString().equals(b)) || (x.getNameAsString().equals(b) && y.getNameAsString().equals(a)))) {
        return switch (be.getOperator()) {
          case PLUS -> x.getNameAsString().equals(a) ? "+" : null;
          case MULTIPLY -> "*";
          case BINARY_AND -> "&";
          case BINARY_OR -> "|";
          case XOR -> "^";
          default -> null;
        };
      }
    }
    return null;
  }

  private static final Set<String> LISTS = Set.of("ArrayList", "LinkedList", "java.util.ArrayList", "java.util.LinkedList");
  private static final Set<String> BUILDERS = Set.of("StringBuilder", "StringBuffer", "java.lang.StringBuilder", "java.lang.StringBuffer");
  private static final Set<String> MAPS = Set.of("HashMap", "LinkedHashMap", "TreeMap", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap");

  /**
   * A fresh local of the JDK class the update shape expects: declared with {@code new ArrayList<>()}
   * (or a builder, or a HashMap/LinkedHashMap/TreeMap) and never assigned again. A project class
   * with an {@code add} method is not a list: its calls are judged by their effects.
   */
  static boolean isFreshObject(Node decl, String name, Accumulator.Shape shape) {
    Optional<Expression> init = Names.initializer(decl);
    if (init.isEmpty() || !(init.get() instanceof ObjectCreationExpr oce) || oce.getAnonymousClassBody().isPresent()) return false;
    String type = oce.getType().getNameWithScope();
    boolean fits = switch (shape) {
      case LIST_APPEND -> LISTS.contains(type);
      case BUILDER_APPEND -> BUILDERS.contains(type);
      // LinkedHashMap(capacity, loadFactor, accessOrder) may be access-ordered: then every merge or
      // get moves its key to the end, and per-task maps merged once per key would not reproduce that.
      case KEYED_MAP -> MAPS.contains(type) && !isAccessOrderedMap(decl);
      default -> false;
    };
    return fits && Names.assignmentsOf(decl, name).isEmpty();
  }

  /**
   * Whether {@code decl} initialises a LinkedHashMap with the (capacity, loadFactor, accessOrder)
   * constructor, which may be access-ordered: then every merge or get moves its key to the end, and
   * per-task maps merged once per key would not reproduce that order.
   */
  static boolean isAccessOrderedMap(Node decl) {
    return Names.initializer(decl).filter(ObjectCreationExpr.class::isInstance).map(ObjectCreationExpr.class::cast)
        .filter(oce -> oce.getType().getNameWithScope().endsWith("LinkedHashMap") && oce.getArguments().size() == 3)
        .isPresent();
  }

  /** Whether the receiver's static type is the JDK collection or builder the shape expects. */
  static boolean isJdkCollection(NameExpr receiver, Accumulator.Shape shape) {
    String t;
    try {
      t = receiver.calculateResolvedType().describe().replaceAll("<.*>", "");
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false;
    }
    return switch (shape) {
      case LIST_APPEND -> t.startsWith("java.util.") && (t.endsWith("List") || t.endsWith("Collection"));
      case BUILDER_APPEND -> BUILDERS.contains(t);
      case KEYED_MAP -> t.startsWith("java.util.") && t.endsWith("Map");
      default -> false;
    };
  }
}
