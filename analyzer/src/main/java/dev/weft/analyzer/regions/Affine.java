package dev.weft.analyzer.regions;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A subscript {@code constant + Σ coefficient × variable} with integer coefficients. Variables are
 * keys: {@link #INDEX} for the loop's own index, {@code inner:…} for indices of nested loops (free
 * unknowns in the dependence test), {@code sym:…} for loop-invariant values (they must cancel),
 * and {@code index*sym:…} for the loop index times a loop-invariant value: the row offset of a
 * flattened 2-D array, {@code a[i*n + j]} (see {@link DependenceTest}).
 *
 * <p>Like the tests that use it, the form assumes the subscript arithmetic does not overflow.
 */
public record Affine(long constant, ImmutableMap<String, Long> terms) {

  public static final String INDEX = "index";

  /** Prefix of the key of {@code index × symbol}. */
  public static final String INDEX_TIMES = INDEX + "*";

  public long coefficient(String key) {
    return terms.getOrDefault(key, 0L);
  }

  public static Affine constant(long c) {
    return new Affine(c, ImmutableMap.of());
  }

  public static Affine variable(String key) {
    return new Affine(0, ImmutableMap.of(key, 1L));
  }

  Affine plus(Affine o, long sign) {
    Map<String, Long> t = new TreeMap<>(terms);
    o.terms.forEach((k, v) -> t.merge(k, sign * v, Long::sum));
    t.values().removeIf(v -> v == 0);
    return new Affine(constant + sign * o.constant, ImmutableMap.copyOf(t));
  }

  Affine times(long c) {
    Map<String, Long> t = new TreeMap<>();
    terms.forEach((k, v) -> { if (v * c != 0) t.put(k, v * c); });
    return new Affine(constant * c, ImmutableMap.copyOf(t));
  }

  boolean isConstant() {
    return terms.isEmpty();
  }

  /**
   * The affine form of {@code e}, or empty when it is not affine. {@code names} maps a simple
   * name to its affine meaning (a variable key, a constant, a substituted expression) or empty.
   */
  public static Optional<Affine> of(Expression e, Function<Expression, Optional<Affine>> names) {
    if (e instanceof EnclosedExpr en) return of(en.getInner(), names);
    if (e instanceof CastExpr c && (c.getType().asString().equals("int") || c.getType().asString().equals("long"))) {
      return of(c.getExpression(), names);
    }
    if (e instanceof IntegerLiteralExpr i) return Optional.of(constant(i.asNumber().longValue()));
    if (e instanceof LongLiteralExpr l) return Optional.of(constant(l.asNumber().longValue()));
    if (e instanceof UnaryExpr u) {
      if (u.getOperator() == UnaryExpr.Operator.MINUS) return of(u.getExpression(), names).map(a -> a.times(-1));
      if (u.getOperator() == UnaryExpr.Operator.PLUS) return of(u.getExpression(), names);
      return Optional.empty();
    }
    if (e instanceof BinaryExpr b) {
      Optional<Affine> l = of(b.getLeft(), names);
      Optional<Affine> r = of(b.getRight(), names);
      if (l.isEmpty() || r.isEmpty()) return Optional.empty();
      switch (b.getOperator()) {
        case PLUS: return Optional.of(l.get().plus(r.get(), 1));
        case MINUS: return Optional.of(l.get().plus(r.get(), -1));
        case MULTIPLY:
          if (l.get().isConstant()) return Optional.of(r.get().times(l.get().constant));
          if (r.get().isConstant()) return Optional.of(l.get().times(r.get().constant));
          return stride(l.get(), r.get()).or(() -> stride(r.get(), l.get()));
        default:
          return Optional.empty();
      }
    }
    return names.apply(e);
  }

  /** {@code (a·i + b) × n} for a loop-invariant symbol {@code n}: {@code a·(i×n) + b·n}; else empty. */
  private static Optional<Affine> stride(Affine index, Affine symbol) {
    if (symbol.constant != 0 || symbol.terms.size() != 1) return Optional.empty();
    Map.Entry<String, Long> n = symbol.terms.entrySet().iterator().next();
    if (!n.getKey().startsWith("sym:") || n.getValue() != 1) return Optional.empty();
    if (!index.terms.keySet().equals(java.util.Set.of(INDEX))) return Optional.empty();
    Map<String, Long> t = new TreeMap<>();
    t.put(INDEX_TIMES + n.getKey(), index.coefficient(INDEX));
    if (index.constant != 0) t.put(n.getKey(), index.constant);
    return Optional.of(new Affine(0, ImmutableMap.copyOf(t)));
  }

  /** Whether some term is a product {@code index × symbol}. */
  boolean hasStride() {
    return terms.keySet().stream().anyMatch(k -> k.startsWith(INDEX_TIMES));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    terms.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " + ").append(v == 1 ? "" : v + "*").append(k));
    if (constant != 0 || sb.length() == 0) sb.append(sb.length() == 0 ? "" : " + ").append(constant);
    return sb.toString();
  }
}
