package dev.weft.analyzer.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import com.github.javaparser.ast.expr.Expression;

/**
 * Whether two affine subscripts {@code f(i)} (a write) and {@code g(i')} can name the same element
 * in two different iterations {@code i ≠ i'} of a loop {@code i = lo, lo+s, …} (K iterations).
 *
 * <p>Equal index coefficients: the dependence distance is computed exactly. Different ones: the
 * GCD test, then, with known bounds, an exact enumeration (up to {@value #ENUMERATION_LIMIT}
 * iterations) or the Banerjee inequalities. Inner-loop indices are free unknowns (GCD only);
 * loop-invariant symbols must appear with the same coefficient on both sides, or we give up.
 */
public final class DependenceTest {

  /** The loop's iteration space as far as it is known. */
  public record Space(OptionalLong lower, long step, OptionalLong tripCount, Expression from, String comparison, Expression to) {
    public Space(OptionalLong lower, long step, OptionalLong tripCount) {
      this(lower, step, tripCount, null, null, null);
    }

    public static Space unknown(long step) {
      return new Space(OptionalLong.empty(), step, OptionalLong.empty());
    }

    Space withBounds(Expression from, String comparison, Expression to) {
      return new Space(lower, step, tripCount, from, comparison, to);
    }
  }

  /**
   * The values an inner loop's index takes in the body: {@code [lo, hiExclusive)}, both affine in
   * loop-invariant symbols ({@code for (int j = lo; j < hi; j++)}, {@code j} not assigned in the body).
   */
  public record Range(Affine lo, Affine hiExclusive) {}

  /** {@code independent}: no two different iterations touch the same element. */
  public record Result(boolean independent, String reason) {}

  static final int ENUMERATION_LIMIT = 1_000_000;

  private DependenceTest() {}

  public static Result test(Affine f, Affine g, Space space) {
    return test(f, g, space, Optional.empty());
  }

  /**
   * @param trips the trip count as an affine expression of loop-invariant symbols, when the loop
   *     has unit step (Banerjee bounds with symbolic limits: {@code a[i]} vs {@code a[i + n]} for
   *     {@code i} in {@code [0, n)})
   */
  public static Result test(Affine f, Affine g, Space space, Optional<Affine> trips) {
    return test(f, g, space, trips, Map.of());
  }

  /** @param ranges the ranges of inner-loop indices, keyed like their {@code inner:…} terms */
  public static Result test(Affine f, Affine g, Space space, Optional<Affine> trips, Map<String, Range> ranges) {
    if (f.hasStride() || g.hasStride()) return strided(f, g, ranges);
    if (trips.isPresent() && f.coefficient(Affine.INDEX) == g.coefficient(Affine.INDEX)
        && Math.abs(f.coefficient(Affine.INDEX)) == 1 && noInner(f) && noInner(g)) {
      // distance in iterations: (g − f) / a; independent when |distance| ≥ trip count for all symbol values
      Affine distance = g.plus(f, -1).times(f.coefficient(Affine.INDEX) * Long.signum(space.step()));
      Affine overUp = distance.plus(trips.get(), -1);
      Affine overDown = distance.times(-1).plus(trips.get(), -1);
      if ((overUp.isConstant() && overUp.constant() >= 0) || (overDown.isConstant() && overDown.constant() >= 0)) {
        return new Result(true, "Banerjee test: the distance " + distance + " is at least the trip count " + trips.get());
      }
    }
    for (Map.Entry<String, Long> t : f.terms().entrySet()) {
      if (t.getKey().startsWith("sym:") && !t.getValue().equals(g.terms().get(t.getKey()))) {
        return new Result(false, "the subscripts differ in the loop-invariant term " + t.getKey().substring(4));
      }
    }
    for (Map.Entry<String, Long> t : g.terms().entrySet()) {
      if (t.getKey().startsWith("sym:") && !t.getValue().equals(f.terms().get(t.getKey()))) {
        return new Result(false, "the subscripts differ in the loop-invariant term " + t.getKey().substring(4));
      }
    }
    long a = f.coefficient(Affine.INDEX);
    long c = g.coefficient(Affine.INDEX);
    List<Long> inner = new ArrayList<>();
    f.terms().forEach((k, v) -> { if (k.startsWith("inner:")) inner.add(v); });
    g.terms().forEach((k, v) -> { if (k.startsWith("inner:")) inner.add(v); });
    long d = g.constant() - f.constant();
    long s = space.step();

    if (a == 0 && c == 0) {
      if (inner.isEmpty()) {
        if (d != 0) return new Result(true, "the subscripts are different constants");
        if (space.tripCount().isPresent() && space.tripCount().getAsLong() <= 1) return new Result(true, "one iteration");
        return new Result(false, "every iteration uses the same element");
      }
      return gcd(inner, d);
    }
    if (space.lower().isPresent()) {
      // i = lo + s·k: a·s·k1 − c·s·k2 + inner = d − (a − c)·lo, with k1 ≠ k2 in [0, K).
      d = d - (a - c) * space.lower().getAsLong();
      a = a * s;
      c = c * s;
    } else if (a == c) {
      a = a * s;
      c = c * s;
    }
    // Otherwise the start is unknown: solve over all integers i, i' (a superset of the iterations).
    if (!inner.isEmpty()) {
      List<Long> all = new ArrayList<>(inner);
      all.add(a);
      all.add(c);
      return gcd(all, d);
    }
    if (a == c) {
      if (d % a != 0) return new Result(true, "GCD test: " + Math.abs(a) + " does not divide " + Math.abs(d));
      long distance = d / a;
      if (distance == 0) return new Result(true, "the same element only within one iteration (distance 0)");
      if (space.tripCount().isPresent() && Math.abs(distance) >= space.tripCount().getAsLong()) {
        return new Result(true, "dependence distance " + Math.abs(distance) + " is beyond the " + space.tripCount().getAsLong() + " iterations");
      }
      return new Result(false, "dependence distance " + Math.abs(distance));
    }
    long gc = gcd(Math.abs(a), Math.abs(c));
    if (gc != 0 && d % gc != 0) return new Result(true, "GCD test: " + gc + " does not divide " + Math.abs(d));
    if (space.lower().isEmpty() || space.tripCount().isEmpty()) return new Result(false, "GCD test cannot exclude a dependence");
    long k = space.tripCount().getAsLong();
    if (k <= ENUMERATION_LIMIT) {
      for (long k1 = 0; k1 < k; k1++) {
        long rhs = a * k1 - d; // c·k2 = a·k1 − d
        if (c == 0) {
          if (rhs == 0 && k >= 2) return new Result(false, "iteration " + k1 + " and every other iteration use the same element");
          continue;
        }
        if (rhs % c != 0) continue;
        long k2 = rhs / c;
        if (k2 >= 0 && k2 < k && k2 != k1) return new Result(false, "iterations " + k1 + " and " + k2 + " use the same element");
      }
      return new Result(true, "exact test: no two iterations use the same element");
    }
    // Banerjee: the range of a·k1 − c·k2 over the box [0, K)².
    long hi = Math.max(0, a) * (k - 1) - Math.min(0, c) * (k - 1);
    long lo = Math.min(0, a) * (k - 1) - Math.max(0, c) * (k - 1);
    if (d < lo || d > hi) return new Result(true, "Banerjee test: " + d + " outside [" + lo + ", " + hi + "]");
    return new Result(false, "Banerjee test cannot exclude a dependence");
  }

  /**
   * Flattened rows: {@code f = c·n·i + r}, {@code g = c·n·i' + r'}. When both remainders provably
   * lie in {@code [0, |c|·n)} whenever the access runs, {@code f = g} needs
   * {@code c·n·(i − i') = r' − r}, but {@code |r' − r| < |c|·n ≤ |c·n·(i − i')|} for {@code i ≠ i'}.
   * The remainders' ranges come from the inner loops' bounds, symbolically ({@code j} in
   * {@code [0, n)} gives {@code a[i*n + j]} in row {@code i}). Anything else: not proven.
   */
  private static Result strided(Affine f, Affine g, Map<String, Range> inner) {
    String key = null;
    for (String k : f.terms().keySet()) {
      if (!k.startsWith(Affine.INDEX_TIMES)) continue;
      if (key != null) return new Result(false, "the subscript has several strides");
      key = k;
    }
    if (key == null || f.coefficient(key) != g.coefficient(key) || g.terms().keySet().stream()
        .anyMatch(k -> k.startsWith(Affine.INDEX_TIMES) && !f.terms().containsKey(k))) {
      return new Result(false, "the subscripts " + f + " and " + g + " do not share one stride");
    }
    if (f.coefficient(Affine.INDEX) != 0 || g.coefficient(Affine.INDEX) != 0) {
      return new Result(false, "the subscript mixes a stride and the bare index");
    }
    long c = f.coefficient(key);
    Affine width = Affine.variable(key.substring(Affine.INDEX_TIMES.length())).times(Math.abs(c));
    for (Affine side : List.of(f, g)) {
      Affine rest = side.plus(new Affine(0, com.google.common.collect.ImmutableMap.of(key, c)), -1);
      Affine min = Affine.constant(rest.constant());
      Affine max = Affine.constant(rest.constant());
      for (Map.Entry<String, Long> t : rest.terms().entrySet()) {
        long v = t.getValue();
        Affine unit = Affine.variable(t.getKey());
        if (t.getKey().startsWith("sym:")) {
          min = min.plus(unit.times(v), 1);
          max = max.plus(unit.times(v), 1);
          continue;
        }
        Range r = inner.get(t.getKey());
        if (r == null) return new Result(false, "the range of " + t.getKey() + " is not known");
        Affine last = r.hiExclusive().plus(Affine.constant(1), -1);
        min = min.plus((v > 0 ? r.lo() : last).times(v), 1);
        max = max.plus((v > 0 ? last : r.lo()).times(v), 1);
      }
      Affine headroom = width.plus(Affine.constant(1), -1).plus(max, -1);
      if (!min.isConstant() || min.constant() < 0 || !headroom.isConstant() || headroom.constant() < 0) {
        return new Result(false, "cannot prove " + shown(rest) + " stays within one row of " + shown(width) + " elements");
      }
    }
    return new Result(true, "rows of " + shown(width) + " elements: each iteration stays within its own row");
  }

  private static String shown(Affine a) {
    return a.toString().replace("sym:", "").replaceAll("inner:(\\w+)@\\d+", "$1");
  }

  private static boolean noInner(Affine a) {
    return a.terms().keySet().stream().noneMatch(k -> k.startsWith("inner:"));
  }

  private static Result gcd(List<Long> coefficients, long d) {
    long g = 0;
    for (long x : coefficients) g = gcd(g, Math.abs(x));
    if (g == 0) return new Result(d != 0, d != 0 ? "different constant subscripts" : "the same element in every iteration");
    if (d % g != 0) return new Result(true, "GCD test: " + g + " does not divide " + Math.abs(d));
    return new Result(false, "GCD test cannot exclude a dependence");
  }

  static long gcd(long x, long y) {
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
}
