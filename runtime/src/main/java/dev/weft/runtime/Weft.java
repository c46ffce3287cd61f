package dev.weft.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The calls a rewritten program makes. Every method here keeps the sequential semantics of the
 * region it replaces (DESIGN.md §3): the same results, the exception of the lowest iteration index
 * (or the first task in program order) rethrown with the others suppressed, and every write made by
 * a task visible when the call returns.
 *
 * <p>{@code workPerIteration} is the analyzer's estimate of the operations one iteration costs; the
 * runtime multiplies it by the trip count and runs small regions inline on the calling thread.
 *
 * <p>TODO(runtime): these bodies are the sequential reference semantics; the work-stealing
 * implementation replaces them and must agree with them on every input.
 */
public final class Weft {

  private Weft() {}

  // ---- loops --------------------------------------------------------------------------------

  /** {@code for (int i = from; i < to; i++) body} with independent iterations. */
  public static void forRange(int from, int to, long workPerIteration, IntRangeBody body) {
    if (from < to) body.run(from, to);
  }

  /** {@code for (long i = from; i < to; i++) body} with independent iterations. */
  public static void forRange(long from, long to, long workPerIteration, LongRangeBody body) {
    if (from < to) body.run(from, to);
  }

  // ---- scalar reductions -------------------------------------------------------------------

  /**
   * Combines the partials of consecutive chunks in index order; {@code combiner} must be
   * associative with {@code identity} as its identity. Returns {@code identity} for an empty range.
   */
  public static int reduceInt(
      int from, int to, long workPerIteration, int identity, IntRangeToInt chunk, IntBinaryOperator combiner) {
    return from < to ? combiner.applyAsInt(identity, chunk.apply(from, to)) : identity;
  }

  /** As {@link #reduceInt}, for {@code long}. */
  public static long reduceLong(
      int from, int to, long workPerIteration, long identity, IntRangeToLong chunk, LongBinaryOperator combiner) {
    return from < to ? combiner.applyAsLong(identity, chunk.apply(from, to)) : identity;
  }

  /**
   * As {@link #reduceInt}, for {@code double}: chunks and the combine tree have a fixed shape that
   * depends only on {@code from} and {@code to}, so the result is bit-identical on every run and
   * every thread count (it may differ from the strictly sequential order: the user opted in).
   */
  public static double reduceDouble(
      int from, int to, long workPerIteration, double identity, IntRangeToDouble chunk, DoubleBinaryOperator combiner) {
    return from < to ? combiner.applyAsDouble(identity, chunk.apply(from, to)) : identity;
  }

  /**
   * Generic associative reduction, combined in index order, so non-commutative operators (string
   * concatenation, list concatenation) are correct. {@code identity} supplies a fresh identity.
   */
  public static <T> T reduce(
      int from, int to, long workPerIteration, Supplier<T> identity, IntRangeFold<T> chunk, BinaryOperator<T> combiner) {
    return from < to ? combiner.apply(identity.get(), chunk.apply(from, to)) : identity.get();
  }

  // ---- arenas: privatised arrays, ordered buffers, keyed views --------------------------------

  /**
   * Array (histogram) reduction: each task runs its chunks against a private array of
   * {@code target.length} elements filled with {@code identity}; at join the views are folded into
   * {@code target} element-wise with {@code op}, in index order.
   */
  public static void accumulate(
      int from, int to, long workPerIteration, int[] target, int identity, IntBinaryOperator op, IntRangeInto<int[]> body) {
    if (from < to) body.run(from, to, target);
  }

  /** As {@link #accumulate(int, int, long, int[], int, IntBinaryOperator, IntRangeInto)}, for long[]. */
  public static void accumulate(
      int from, int to, long workPerIteration, long[] target, long identity, LongBinaryOperator op, IntRangeInto<long[]> body) {
    if (from < to) body.run(from, to, target);
  }

  /** As above, for double[]: fixed-shape combine, like {@link #reduceDouble}. */
  public static void accumulate(
      int from, int to, long workPerIteration, double[] target, double identity, DoubleBinaryOperator op, IntRangeInto<double[]> body) {
    if (from < to) body.run(from, to, target);
  }

  /**
   * Ordered append: each task appends to its own buffer; buffers are appended to {@code target} in
   * index order, so {@code target} ends exactly as the sequential loop leaves it.
   */
  public static <E> void appendOrdered(
      int from, int to, long workPerIteration, List<E> target, IntRangeInto<List<E>> body) {
    if (from < to) {
      List<E> buf = new ArrayList<>();
      body.run(from, to, buf);
      target.addAll(buf);
    }
  }

  /** Ordered string building: as {@link #appendOrdered(int, int, long, List, IntRangeInto)}. */
  public static void appendOrdered(
      int from, int to, long workPerIteration, StringBuilder target, IntRangeInto<StringBuilder> body) {
    if (from < to) {
      StringBuilder buf = new StringBuilder();
      body.run(from, to, buf);
      target.append(buf);
    }
  }

  /**
   * Keyed reduction: each task updates its own insertion-ordered map; the task maps are merged into
   * {@code target} in index order with {@code target.merge(k, v, merge)}, which reproduces the
   * sequential insertion order. {@code merge} must be associative, and the loop's default value
   * (for {@code getOrDefault}) its identity.
   */
  public static <K, V> void mergeKeyed(
      int from, int to, long workPerIteration, Map<K, V> target,
      BiFunction<? super V, ? super V, ? extends V> merge, IntRangeInto<Map<K, V>> body) {
    if (from < to) {
      Map<K, V> view = new LinkedHashMap<>();
      body.run(from, to, view);
      view.forEach((k, v) -> target.merge(k, v, merge));
    }
  }

  // ---- fork/join ----------------------------------------------------------------------------

  /**
   * True when some worker is idle and would take a forked task. Costs a field read: rewritten
   * divide-and-conquer code reads {@code if (Weft.wantsWork()) <fork and join> else <original>}.
   */
  public static boolean wantsWork() {
    return false;
  }

  /** Runs both, possibly in parallel; returns when both are done. Left's exception wins. */
  public static void join(Runnable left, Runnable right) {
    left.run();
    right.run();
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static int joinInt(IntSupplier left, IntSupplier right, IntBinaryOperator combine) {
    int l = left.getAsInt();
    return combine.applyAsInt(l, right.getAsInt());
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static long joinLong(LongSupplier left, LongSupplier right, LongBinaryOperator combine) {
    long l = left.getAsLong();
    return combine.applyAsLong(l, right.getAsLong());
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static double joinDouble(DoubleSupplier left, DoubleSupplier right, DoubleBinaryOperator combine) {
    double l = left.getAsDouble();
    return combine.applyAsDouble(l, right.getAsDouble());
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static <A, B, R> R join(Supplier<A> left, Supplier<B> right, BiFunction<? super A, ? super B, R> combine) {
    A l = left.get();
    return combine.apply(l, right.get());
  }

  /** Runs all, possibly in parallel; the first task's exception (in argument order) wins. */
  public static void invokeAll(Runnable... tasks) {
    for (Runnable t : tasks) t.run();
  }
}
