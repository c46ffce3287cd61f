package dev.weft.transformer.rewrites;

import dev.weft.analyzer.findings.Accumulator;

/**
 * How an accumulator's operator is written in generated code, per Java type: identities,
 * combiners, and the final {@code s = s ⊕ partial} that keeps the initial value and the order.
 * {@code byte}/{@code short}/{@code char} partials are combined as {@code int} and narrowed once
 * (the compound assignment's cast), which gives the same bits as narrowing every step for
 * {@code + * & | ^} (arithmetic mod 2^n) and for {@code min}/{@code max}.
 */
final class Reductions {

  private Reductions() {}

  static boolean intLike(String t) {
    return t.equals("int") || t.equals("short") || t.equals("byte") || t.equals("char");
  }

  static boolean narrow(String t) {
    return t.equals("short") || t.equals("byte") || t.equals("char") || t.equals("float");
  }

  static boolean floating(String t) {
    return t.equals("float") || t.equals("double") || t.equals("Float") || t.equals("Double");
  }

  static String op(Accumulator a) {
    String op = a.operator().trim();
    return switch (op) {
      case "+=", "++", "sum", "add" -> "+";
      case "*=", "product" -> "*";
      case "Math.min" -> "min";
      case "Math.max" -> "max";
      default -> op;
    };
  }

  /** Why this accumulator cannot be privatised, or null. */
  static String unsupported(Accumulator a) {
    String op = op(a);
    if (!op.matches("[+*&|^]|&&|\\|\\||min|max|concat|[A-Z][\\w.]*\\.\\w+")) {
      return "operator `" + a.operator() + "` of `" + a.variable() + "` is not one the rewrite knows";
    }
    return null;
  }

  static String identity(Accumulator a) {
    if (a.identity() != null && !a.identity().isBlank()) return a.identity();
    String t = a.type();
    String op = op(a);
    String box = switch (t) {
      case "int" -> "Integer";
      case "char" -> "Character";
      default -> Character.toUpperCase(t.charAt(0)) + t.substring(1);
    };
    return switch (op) {
      case "+", "|", "^" -> t.equals("String") ? "\"\"" : t.equals("boolean") ? "false" : zero(t);
      case "concat" -> "\"\"";
      case "*" -> one(t);
      case "&" -> t.equals("boolean") ? "true" : "-1";
      case "min" -> floating(t) ? box + ".POSITIVE_INFINITY" : box + ".MAX_VALUE";
      case "max" -> floating(t) ? box + ".NEGATIVE_INFINITY" : box + ".MIN_VALUE";
      default -> op.contains(".") && op.endsWith("multiply") ? op.substring(0, op.lastIndexOf('.')) + ".ONE"
          : op.substring(0, Math.max(0, op.lastIndexOf('.'))) + ".ZERO";
    };
  }

  private static String zero(String t) {
    return switch (t) {
      case "long", "Long" -> "0L";
      case "double", "Double" -> "0.0";
      case "float", "Float" -> "0.0f";
      default -> "0";
    };
  }

  private static String one(String t) {
    return switch (t) {
      case "long", "Long" -> "1L";
      case "double", "Double" -> "1.0";
      case "float", "Float" -> "1.0f";
      default -> "1";
    };
  }

  /** {@code l ⊕ r} as an expression of type {@code t} (narrowed back where Java widens). */
  static String combine(Accumulator a, String l, String r) {
    String t = a.type();
    String op = op(a);
    String e = switch (op) {
      case "min", "max" -> "Math." + op + "(" + l + ", " + r + ")";
      case "concat" -> l + " + " + r;
      case "+", "*", "&", "|", "^", "&&", "||" -> l + " " + op + " " + r;
      default -> l + "." + op.substring(op.lastIndexOf('.') + 1) + "(" + r + ")";
    };
    return narrow(t) && !op.equals("concat") && !e.startsWith(l + ".") ? "(" + t + ") (" + e + ")" : e;
  }

  /**
   * A readable combiner for a single accumulator over the runtime's partial type (int for
   * int-like types, double for float: no narrowing needed there), or a lambda.
   */
  static String combiner(Accumulator a, RegionSite site) {
    String t = intLike(a.type()) ? "int" : a.type().equals("float") ? "double" : a.type();
    String op = op(a);
    Accumulator wide = new Accumulator(a.variable(), t, a.shape(), a.operator(), a.identity());
    if (op.equals("+") && (t.equals("int") || t.equals("long") || t.equals("double"))) {
      return (t.equals("int") ? "Integer" : Character.toUpperCase(t.charAt(0)) + t.substring(1)) + "::sum";
    }
    if (op.equals("min") || op.equals("max")) return "Math::" + op;
    if (op.equals("&&") || op.equals("||")) return "Boolean::" + (op.equals("&&") ? "logicalAnd" : "logicalOr");
    if (op.equals("concat") || (op.equals("+") && t.equals("String"))) return "String::concat";
    if (op.contains(".")) return op.substring(0, op.lastIndexOf('.')) + "::" + op.substring(op.lastIndexOf('.') + 1);
    String l = site.local("left");
    String r = site.local("right");
    return "(" + l + ", " + r + ") -> " + combine(wide, l, r);
  }

  /**
   * {@code s = s ⊕ partial} as a statement: compound where Java has one, so narrowing stays implicit.
   * {@code &&}/{@code ||} fold with {@code &=}/{@code |=}: the same value (the analyzer proved the
   * short-circuited operands pure and unable to throw), and the runtime call, which may carry the
   * loop's other writes, runs even when {@code s} already decides the result.
   */
  static String fold(Accumulator a, String partial) {
    String s = a.variable();
    String op = op(a);
    return switch (op) {
      case "+", "*", "&", "|", "^" -> s + " " + op + "= " + partial + ";";
      case "concat" -> s + " += " + partial + ";";
      case "&&" -> s + " &= " + partial + ";";
      case "||" -> s + " |= " + partial + ";";
      default -> s + " = " + combine(a, s, partial) + ";";
    };
  }
}
