package dev.weft.runtime;

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
 * <p>A program's first loop regions run on the calling thread until together they have taken the
 * warm-up budget ({@link Warmup}: 40 ms, {@code -Dweft.warmupMs=N}); a short program never pays for
 * starting the pool. After that, each method runs on the pool of the task that calls it, or on
 * {@link WeftPool#common()} outside any task (one participant per available processor; {@code -Dweft.parallelism=N} or
 * {@code WEFT_PARALLELISM=N} overrides). The calling thread takes part in the work. See
 * {@link WeftPool} for the implementation overview.
 */
public final class Weft {

  private Weft() {}

  // ---- loops --------------------------------------------------------------------------------

  /** {@code for (int i = from; i < to; i++) body} with independent iterations. */
  public static void forRange(int from, int to, long workPerIteration, IntRangeBody body) {
    Warmup w = Warmup.begin(workPerIteration);
    if (w != null) for (long end; from < to && (end = w.next(from, to)) >= 0; from = (int) end) body.run(from, (int) end);
    if (from < to) WeftPool.routed(WeftPool.current()).forRange(from, to, workPerIteration, body);
  }

  /** {@code for (long i = from; i < to; i++) body} with independent iterations. */
  public static void forRange(long from, long to, long workPerIteration, LongRangeBody body) {
    Warmup w = from < to ? Warmup.begin(workPerIteration) : null;
    if (w != null) for (long end; from < to && (end = w.next(from, to)) >= 0; from = end) body.run(from, end);
    if (from < to) WeftPool.routed(WeftPool.current()).forRange(from, to, workPerIteration, body);
  }

  // ---- scalar reductions -------------------------------------------------------------------

  /**
   * Combines the partials of consecutive chunks in index order; {@code combiner} must be
   * associative with {@code identity} as its identity. Returns {@code identity} for an empty range.
   */
  public static int reduceInt(
      int from, int to, long workPerIteration, int identity, IntRangeToInt chunk, IntBinaryOperator combiner) {
    return reduceIntOverLongRange(from, to, workPerIteration, identity, Narrowed.toInt(chunk), combiner);
  }

  /** As {@link #reduceInt}, for {@code long}. */
  public static long reduceLong(
      int from, int to, long workPerIteration, long identity, IntRangeToLong chunk, LongBinaryOperator combiner) {
    return reduceLongOverLongRange(from, to, workPerIteration, identity, Narrowed.toLong(chunk), combiner);
  }

  /**
   * As {@link #reduceInt}, for {@code double}: chunks and the combine tree have a fixed shape that
   * depends only on {@code from} and {@code to}, so the result is bit-identical on every run and
   * every thread count (it may differ from the strictly sequential order: the user opted in).
   */
  public static double reduceDouble(
      int from, int to, long workPerIteration, double identity, IntRangeToDouble chunk, DoubleBinaryOperator combiner) {
    return from < to ? WeftPool.routed(WeftPool.current()).reduceDouble(from, to, workPerIteration, identity, chunk, combiner) : identity;
  }

  /**
   * Generic associative reduction, combined in index order, so non-commutative operators (string
   * concatenation, list concatenation) are correct. {@code identity} supplies a fresh identity.
   */
  public static <T> T reduce(
      int from, int to, long workPerIteration, Supplier<T> identity, IntRangeFold<T> chunk, BinaryOperator<T> combiner) {
    return reduceOverLongRange(from, to, workPerIteration, identity, Narrowed.fold(chunk), combiner);
  }

  // ---- scalar reductions over a long index ---------------------------------------------------
  // Named apart from the int-range methods, not overloaded: with both overloads, an implicitly typed
  // chunk lambda `(lo, hi) -> …` passed with int bounds would be ambiguous (JLS 15.12.2.5), and code
  // rewritten before these methods existed must keep compiling.

  /**
   * {@code for (long i = from; i < to; i++)} folded to an int: as {@link #reduceInt}, over a long
   * range (a range wider than {@code Long.MAX_VALUE} is fine). Returns {@code identity} for an
   * empty range.
   */
  public static int reduceIntOverLongRange(
      long from, long to, long workPerIteration, int identity, LongRangeToInt chunk, IntBinaryOperator combiner) {
    Warmup w = from < to ? Warmup.begin(workPerIteration) : null;
    if (w == null) return from < to ? WeftPool.routed(WeftPool.current()).reduceIntOverLongRange(from, to, workPerIteration, identity, chunk, combiner) : identity;
    int acc = identity;
    for (long end; from < to && (end = w.next(from, to)) >= 0; from = end) acc = combiner.applyAsInt(acc, chunk.apply(from, end));
    return from < to ? combiner.applyAsInt(acc, WeftPool.routed(WeftPool.current()).reduceIntOverLongRange(from, to, workPerIteration, identity, chunk, combiner)) : acc;
  }

  /** As {@link #reduceLong}, over a long range. */
  public static long reduceLongOverLongRange(
      long from, long to, long workPerIteration, long identity, LongRangeToLong chunk, LongBinaryOperator combiner) {
    Warmup w = from < to ? Warmup.begin(workPerIteration) : null;
    if (w == null) return from < to ? WeftPool.routed(WeftPool.current()).reduceLongOverLongRange(from, to, workPerIteration, identity, chunk, combiner) : identity;
    long acc = identity;
    for (long end; from < to && (end = w.next(from, to)) >= 0; from = end) acc = combiner.applyAsLong(acc, chunk.apply(from, end));
    return from < to ? combiner.applyAsLong(acc, WeftPool.routed(WeftPool.current()).reduceLongOverLongRange(from, to, workPerIteration, identity, chunk, combiner)) : acc;
  }

  /** As {@link #reduce}, over a long range: combined in index order. */
  public static <T> T reduceOverLongRange(
      long from, long to, long workPerIteration, Supplier<T> identity, LongRangeFold<T> chunk, BinaryOperator<T> combiner) {
    Warmup w = from < to ? Warmup.begin(workPerIteration) : null;
    if (w == null) return from < to ? WeftPool.routed(WeftPool.current()).reduceOverLongRange(from, to, workPerIteration, identity, chunk, combiner) : identity.get();
    T acc = identity.get();
    for (long end; from < to && (end = w.next(from, to)) >= 0; from = end) acc = combiner.apply(acc, chunk.apply(from, end));
    return from < to ? combiner.apply(acc, WeftPool.routed(WeftPool.current()).reduceOverLongRange(from, to, workPerIteration, identity, chunk, combiner)) : acc;
  }

  // ---- arenas: privatised arrays, ordered buffers, keyed views --------------------------------

  /**
   * Array (histogram) reduction: each task runs its chunks against a private array of
   * {@code target.length} elements filled with {@code identity}; at join the views are folded into
   * {@code target} element-wise with {@code op}, in index order.
   */
  public static void accumulate(
      int from, int to, long workPerIteration, int[] target, int identity, IntBinaryOperator op, IntRangeInto<int[]> body) {
    from = warmup(from, to, workPerIteration, target, body);
    if (from < to) WeftPool.routed(WeftPool.current()).accumulate(from, to, workPerIteration, target, identity, op, body);
  }

  /** As {@link #accumulate(int, int, long, int[], int, IntBinaryOperator, IntRangeInto)}, for long[]. */
  public static void accumulate(
      int from, int to, long workPerIteration, long[] target, long identity, LongBinaryOperator op, IntRangeInto<long[]> body) {
    from = warmup(from, to, workPerIteration, target, body);
    if (from < to) WeftPool.routed(WeftPool.current()).accumulate(from, to, workPerIteration, target, identity, op, body);
  }

  /** As above, for double[]: fixed-shape combine, like {@link #reduceDouble}. */
  public static void accumulate(
      int from, int to, long workPerIteration, double[] target, double identity, DoubleBinaryOperator op, IntRangeInto<double[]> body) {
    if (from < to) WeftPool.routed(WeftPool.current()).accumulate(from, to, workPerIteration, target, identity, op, body);
  }

  /**
   * Ordered append: each task appends to its own buffer; buffers are appended to {@code target} in
   * index order, so {@code target} ends exactly as the sequential loop leaves it.
   */
  public static <E> void appendOrdered(
      int from, int to, long workPerIteration, List<E> target, IntRangeInto<List<E>> body) {
    from = warmup(from, to, workPerIteration, target, body);
    if (from < to) WeftPool.routed(WeftPool.current()).appendOrdered(from, to, workPerIteration, target, body);
  }

  /** Ordered string building: as {@link #appendOrdered(int, int, long, List, IntRangeInto)}. */
  public static void appendOrdered(
      int from, int to, long workPerIteration, StringBuilder target, IntRangeInto<StringBuilder> body) {
    from = warmup(from, to, workPerIteration, target, body);
    if (from < to) WeftPool.routed(WeftPool.current()).appendOrdered(from, to, workPerIteration, target, body);
  }

  /**
   * Keyed reduction: each task updates its own insertion-ordered map; the task maps are merged into
   * {@code target} in index order with {@code target.merge(k, v, merge)}, which reproduces the
   * sequential insertion order. For a {@link java.util.HashMap} target, if the loop's last
   * {@code merge} call did not insert a new key, one {@code computeIfAbsent} on that key follows, so
   * the target also performs the lazy resize that call performed and ends with the sequential
   * capacity (and iteration order). Run alone (one participant, or a range too small to split), the
   * body updates {@code target} itself. The body may use its map only through {@code merge}
   * statements (a piece may be re-run against a stand-in to find its last call);
   * {@code merge} must be associative and never return null; {@code target} must not be an
   * access-ordered {@link java.util.LinkedHashMap}.
   */
  public static <K, V> void mergeKeyed(
      int from, int to, long workPerIteration, Map<K, V> target,
      BiFunction<? super V, ? super V, ? extends V> merge, IntRangeInto<Map<K, V>> body) {
    from = warmup(from, to, workPerIteration, target, body);
    if (from < to) WeftPool.routed(WeftPool.current()).mergeKeyed(from, to, workPerIteration, target, merge, body);
  }

  /**
   * Keyed reduction written as {@code map.put(k, map.getOrDefault(k, identity) ⊕ v)}: as
   * {@link #mergeKeyed}, but the combined task maps reach {@code target} through {@code get} and
   * {@code put}, the operations the loop itself used. That matters for {@link java.util.HashMap}:
   * {@code merge} links a new key at the head of its bin and {@code put} at the tail, so copying
   * with the other operation would leave the same entries in a different iteration order.
   */
  public static <K, V> void updateKeyed(
      int from, int to, long workPerIteration, Map<K, V> target,
      BiFunction<? super V, ? super V, ? extends V> combine, IntRangeInto<Map<K, V>> body) {
    from = warmup(from, to, workPerIteration, target, body);
    if (from >= to) return;
    // The task maps first meet in an insertion-ordered map (where merge and put order alike), so
    // target sees each new key once, in sequential first-occurrence order, through put.
    Map<K, V> combined = new java.util.LinkedHashMap<>();
    WeftPool.routed(WeftPool.current()).mergeKeyed(from, to, workPerIteration, combined, combine, body);
    for (Map.Entry<K, V> e : combined.entrySet()) {
      K k = e.getKey();
      V old = target.get(k);
      target.put(k, old == null && !target.containsKey(k) ? e.getValue() : combine.apply(old, e.getValue()));
    }
  }

  /**
   * The warm-up's prefix of a region that writes {@code target} ({@link Warmup}): runs chunks of
   * {@code [from, to)} against the target itself, as the sequential loop does, while the budget
   * lasts; returns where the pool must continue ({@code to} when nothing is left).
   */
  private static <T> int warmup(int from, int to, long workPerIteration, T target, IntRangeInto<T> body) {
    Warmup w = from < to ? Warmup.begin(workPerIteration) : null;
    if (w != null) for (long end; from < to && (end = w.next(from, to)) >= 0; from = (int) end) body.run(from, (int) end, target);
    return from;
  }

  // ---- fork/join ----------------------------------------------------------------------------

  /**
   * True when some worker is idle and would take a forked task. Costs a field read: rewritten
   * divide-and-conquer code reads {@code if (Weft.wantsWork()) <fork and join> else <original>}.
   */
  public static boolean wantsWork() {
    return WeftPool.wantsWork();
  }

  /** Runs both, possibly in parallel; returns when both are done. Left's exception wins. */
  public static void join(Runnable left, Runnable right) {
    Participant p = WeftPool.current();
    if (p != null) p.pool.joinOn(p, left, right);
    else WeftPool.common().join(left, right);
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static int joinInt(IntSupplier left, IntSupplier right, IntBinaryOperator combine) {
    Participant p = WeftPool.current();
    return p != null ? p.pool.joinIntOn(p, left, right, combine) : WeftPool.common().joinInt(left, right, combine);
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static long joinLong(LongSupplier left, LongSupplier right, LongBinaryOperator combine) {
    Participant p = WeftPool.current();
    return p != null ? p.pool.joinLongOn(p, left, right, combine) : WeftPool.common().joinLong(left, right, combine);
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static double joinDouble(DoubleSupplier left, DoubleSupplier right, DoubleBinaryOperator combine) {
    Participant p = WeftPool.current();
    return p != null ? p.pool.joinDoubleOn(p, left, right, combine) : WeftPool.common().joinDouble(left, right, combine);
  }

  /** {@code combine(left, right)}, the two computed possibly in parallel. */
  public static <A, B, R> R join(Supplier<A> left, Supplier<B> right, BiFunction<? super A, ? super B, R> combine) {
    Participant p = WeftPool.current();
    return p != null ? p.pool.joinOn(p, left, right, combine) : WeftPool.common().join(left, right, combine);
  }

  /**
   * Runs all, possibly in parallel; the first task's exception (in argument order) wins. It offers
   * its tasks at once, so each call first walks the caller's stack for a class initializer (then
   * the tasks run in order on this thread; {@code Participant.mayOffer}): about 0.35 µs a frame.
   */
  public static void invokeAll(Runnable... tasks) {
    Participant p = WeftPool.current();
    if (p != null) p.pool.invokeAllOn(p, tasks);
    else WeftPool.common().invokeAll(tasks);
  }

  // ---- arenas and extended API ------------------------------------------------------------------

  /**
   * The arena of the task running on this thread: scratch arrays borrowed from it are released in
   * bulk when the current chunk or task ends. Outside any pool, a fresh private arena.
   */
  public static Arena arena() {
    return WeftPool.arena();
  }

  /** Rethrows a task's failure unchanged (tasks only throw unchecked exceptions). */
  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException) throw (RuntimeException) t;
    if (t instanceof Error) throw (Error) t;
    throw new IllegalStateException(t); // unreachable: functional bodies declare no checked exceptions
  }
}
