package dev.weft.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;

/**
 * One parallel loop: lazy binary splitting (Tzannes et al., PPoPP 2010) with the split test replaced
 * by the heartbeat question "is any worker idle?" and chunk sizes adapted to a measured duration.
 * Subclasses say how a chunk runs against a piece's accumulator, how a split-off piece gets a fresh
 * view, and how a finished piece's result is folded into its parent's (always the next higher range,
 * so folding is in index order).
 *
 * <p>Each kind is made through its static {@code of}, typed as {@code LoopJob}: had {@link WeftPool}
 * called the constructors, verifying WeftPool would check each kind against {@code LoopJob} and so
 * load all of them at the first parallel call (about 0.3 ms each from a class directory, ~3 ms of
 * every rewritten program's start); now a program loads only the kinds it runs.
 */
abstract class LoopJob {
  /** Chunks shorter than this double; the first chunk's work comes from the caller's estimate. */
  static final long CHUNK_NS_MIN = 16_000;
  /** Chunks longer than this halve, so an idle worker waits at most about this long for a split. */
  static final long CHUNK_NS_MAX = 64_000;
  static final long FIRST_CHUNK_WORK = 1 << 12;
  /** The least remaining loop time worth waking a parked worker for (a wake-up costs ~10-100 µs). */
  static final long WAKE_WORTH_NS = 1_000_000;

  private final long firstChunk;
  /** Lowest chunk start that failed; chunks starting above it are skipped. */
  private volatile long failedAt = Long.MAX_VALUE; // CAS-min; read opaque before each chunk

  LoopJob(long workPerIteration) {
    firstChunk = Math.max(1, FIRST_CHUNK_WORK / Math.max(1, workPerIteration));
  }

  /** Runs [lo, hi) against {@code s}'s accumulator. */
  abstract void chunk(Piece s, long lo, long hi);

  /** Runs a piece's final chunk (nothing of the piece follows it); most kinds run it as any other. */
  void lastChunk(Piece s, long lo, long hi) {
    chunk(s, lo, hi);
  }

  /** Gives a split-off piece its fresh view, taken from the splitting participant's arena. */
  void open(Participant p, Piece child) {}

  /** Folds {@code child} (the range right above {@code into}'s) into {@code into}. */
  void absorb(Participant p, Piece into, Piece child) {}

  /** Returns a failed or skipped child's view to the arena. */
  void drop(Participant p, Piece child) {}

  /** Runs a piece on {@code p} (null: run alone, never split); rethrows the lowest-index failure. */
  final void run(Participant p, Piece s) {
    long lo = s.lo;
    long hi = s.hi;
    // stress (testing only): at most a sixteenth of the piece per chunk, so every loop splits
    long chunk = WeftPool.STRESS ? Math.max(1, Math.min(firstChunk, (hi - lo) / 16)) : firstChunk;
    Piece children = null;
    Throwable failure = null;
    Arena arena = p != null ? p.arena : null;
    long t0 = System.nanoTime();
    long lastDt = 0;
    long lastChunk = 1;
    // The region's first piece asks once, at its first split, whether a class initializer runs
    // below (then it never splits: Participant.mayOffer); split-off pieces never need to.
    boolean offers = s.splitOff;
    while (lo < hi) {
      if (lo > (long) FAILED.getOpaque(this)) break; // opaque: a later chunk failed, stop early
      long n = hi - lo;
      if (n > chunk && p != null && (WeftPool.awakeIdleWanted() || worthWaking(p, n, lastChunk, lastDt))
          && (offers || (offers = p.mayOffer()))) {
        long mid = lo + (n >>> 1);
        Piece c = Piece.splitOff(this, mid, hi);
        open(p, c);
        c.next = children;
        children = c;
        hi = mid;
        p.deque.push(c);
        p.pool.signalIfIdle();
        continue;
      }
      long end = n > chunk ? lo + chunk : hi;
      long lo0 = lo;
      long mark = arena != null ? arena.mark() : 0;
      try {
        if (end == hi) lastChunk(s, lo, end);
        else chunk(s, lo, end);
      } catch (Throwable e) {
        failure = e;
        fail(lo);
        break;
      } finally {
        if (arena != null) arena.release(mark);
      }
      lo = end;
      long t1 = System.nanoTime();
      long dt = t1 - t0;
      t0 = t1;
      lastDt = dt;
      lastChunk = end - lo0;
      if (dt < CHUNK_NS_MIN) {
        if (chunk < (1L << 40) && !WeftPool.STRESS) chunk <<= 1; // stress: keep pieces small
      } else if (dt > CHUNK_NS_MAX && chunk > 1) {
        chunk >>>= 1;
      }
    }
    for (Piece c = children; c != null; c = c.next) {
      if (p.deque.takeIf(c)) {
        try {
          run(p, c);
        } catch (Throwable e) {
          c.failure = e;
        }
      } else {
        p.pool.awaitDone(p, c);
      }
      if (c.failure != null) {
        if (failure == null) failure = c.failure;
        else if (failure != c.failure) failure.addSuppressed(c.failure);
        drop(p, c);
      } else if (failure == null) {
        absorb(p, s, c);
      } else {
        drop(p, c);
      }
    }
    if (failure != null) throw Weft.rethrow(failure);
  }

  /**
   * Whether to split for a sleeping worker (hungry, drowsy or not yet started): the loop splits at once
   * only for an awake idle participant ({@link WeftPool#awakeIdleWanted}); for a sleeping one, only
   * when at the last chunk's pace the rest of its range still takes at least {@link #WAKE_WORTH_NS},
   * far longer than waking a worker, and nothing of ours is on offer yet. Without this a loop whose
   * first chunk outlasts the drowsy delay (one 2 ms matrix row) never split, and a loop of a few
   * microseconds paid a wake-up it could not win back.
   */
  private static boolean worthWaking(Participant p, long remaining, long lastChunk, long lastDt) {
    return lastDt > 0 && p.deque.size() == 0 && p.pool.hasParked()
        && remaining / lastChunk * lastDt >= WAKE_WORTH_NS;
  }

  private void fail(long lo) {
    for (;;) {
      long f = failedAt; // volatile
      if (f <= lo || FAILED.compareAndSet(this, f, lo)) return; // volatile CAS: keep the minimum
    }
  }

  private static final VarHandle FAILED;

  static {
    try {
      FAILED = MethodHandles.lookup().findVarHandle(LoopJob.class, "failedAt", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // ---- the operations -------------------------------------------------------------------------

  static final class ForInt extends LoopJob {
    private final IntRangeBody body;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, IntRangeBody body) {
      return new ForInt(work, body);
    }

    private ForInt(long work, IntRangeBody body) {
      super(work);
      this.body = body;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run((int) lo, (int) hi);
    }
  }

  static final class ForLong extends LoopJob {
    private final LongRangeBody body;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, LongRangeBody body) {
      return new ForLong(work, body);
    }

    private ForLong(long work, LongRangeBody body) {
      super(work);
      this.body = body;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run(lo, hi);
    }
  }

  // Scalar and generic reductions take long-range chunk functions: the int-range API
  // (WeftPool.reduceInt, reduceLong, reduce) adapts its chunk once per call, not per chunk.

  static final class ReduceInt extends LoopJob {
    private final int identity;
    private final LongRangeToInt fn;
    private final IntBinaryOperator combiner;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, int identity, LongRangeToInt fn, IntBinaryOperator combiner) {
      return new ReduceInt(work, identity, fn, combiner);
    }

    private ReduceInt(long work, int identity, LongRangeToInt fn, IntBinaryOperator combiner) {
      super(work);
      this.identity = identity;
      this.fn = fn;
      this.combiner = combiner;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      s.intAcc = combiner.applyAsInt(s.intAcc, fn.apply(lo, hi));
    }

    @Override
    void open(Participant p, Piece child) {
      child.intAcc = identity;
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      into.intAcc = combiner.applyAsInt(into.intAcc, child.intAcc);
    }
  }

  static final class ReduceLong extends LoopJob {
    private final long identity;
    private final LongRangeToLong fn;
    private final LongBinaryOperator combiner;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, long identity, LongRangeToLong fn, LongBinaryOperator combiner) {
      return new ReduceLong(work, identity, fn, combiner);
    }

    private ReduceLong(long work, long identity, LongRangeToLong fn, LongBinaryOperator combiner) {
      super(work);
      this.identity = identity;
      this.fn = fn;
      this.combiner = combiner;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      s.longAcc = combiner.applyAsLong(s.longAcc, fn.apply(lo, hi));
    }

    @Override
    void open(Participant p, Piece child) {
      child.longAcc = identity;
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      into.longAcc = combiner.applyAsLong(into.longAcc, child.longAcc);
    }
  }

  static final class Reduce<T> extends LoopJob {
    private final Supplier<T> identity;
    private final LongRangeFold<T> fn;
    private final BinaryOperator<T> combiner;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static <T> LoopJob of(long work, Supplier<T> identity, LongRangeFold<T> fn, BinaryOperator<T> combiner) {
      return new Reduce<>(work, identity, fn, combiner);
    }

    private Reduce(long work, Supplier<T> identity, LongRangeFold<T> fn, BinaryOperator<T> combiner) {
      super(work);
      this.identity = identity;
      this.fn = fn;
      this.combiner = combiner;
    }

    @SuppressWarnings("unchecked")
    @Override
    void chunk(Piece s, long lo, long hi) {
      s.objectAcc = combiner.apply((T) s.objectAcc, fn.apply(lo, hi));
    }

    @Override
    void open(Participant p, Piece child) {
      child.objectAcc = identity.get();
    }

    @SuppressWarnings("unchecked")
    @Override
    void absorb(Participant p, Piece into, Piece child) {
      into.objectAcc = combiner.apply((T) into.objectAcc, (T) child.objectAcc);
      child.objectAcc = null;
    }
  }

  static final class AccumulateInts extends LoopJob {
    private final int length;
    private final int identity;
    private final IntBinaryOperator op;
    private final IntRangeInto<int[]> body;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, int length, int identity, IntBinaryOperator op, IntRangeInto<int[]> body) {
      return new AccumulateInts(work, length, identity, op, body);
    }

    private AccumulateInts(long work, int length, int identity, IntBinaryOperator op, IntRangeInto<int[]> body) {
      super(work);
      this.length = length;
      this.identity = identity;
      this.op = op;
      this.body = body;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run((int) lo, (int) hi, (int[]) s.objectAcc);
    }

    @Override
    void open(Participant p, Piece child) {
      child.objectAcc = p.arena.intView(length, identity);
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      int[] a = (int[]) into.objectAcc;
      int[] b = (int[]) child.objectAcc;
      for (int k = 0; k < a.length; k++) a[k] = op.applyAsInt(a[k], b[k]);
      drop(p, child);
    }

    @Override
    void drop(Participant p, Piece child) {
      p.arena.recycle((int[]) child.objectAcc);
      child.objectAcc = null;
    }
  }

  static final class AccumulateLongs extends LoopJob {
    private final int length;
    private final long identity;
    private final LongBinaryOperator op;
    private final IntRangeInto<long[]> body;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, int length, long identity, LongBinaryOperator op, IntRangeInto<long[]> body) {
      return new AccumulateLongs(work, length, identity, op, body);
    }

    private AccumulateLongs(long work, int length, long identity, LongBinaryOperator op, IntRangeInto<long[]> body) {
      super(work);
      this.length = length;
      this.identity = identity;
      this.op = op;
      this.body = body;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run((int) lo, (int) hi, (long[]) s.objectAcc);
    }

    @Override
    void open(Participant p, Piece child) {
      child.objectAcc = p.arena.longView(length, identity);
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      long[] a = (long[]) into.objectAcc;
      long[] b = (long[]) child.objectAcc;
      for (int k = 0; k < a.length; k++) a[k] = op.applyAsLong(a[k], b[k]);
      drop(p, child);
    }

    @Override
    void drop(Participant p, Piece child) {
      p.arena.recycle((long[]) child.objectAcc);
      child.objectAcc = null;
    }
  }

  static final class AppendList<E> extends LoopJob {
    private final IntRangeInto<List<E>> body;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static <E> LoopJob of(long work, IntRangeInto<List<E>> body) {
      return new AppendList<>(work, body);
    }

    private AppendList(long work, IntRangeInto<List<E>> body) {
      super(work);
      this.body = body;
    }

    @SuppressWarnings("unchecked")
    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run((int) lo, (int) hi, (List<E>) s.objectAcc);
    }

    @Override
    void open(Participant p, Piece child) {
      child.objectAcc = p.arena.list();
    }

    @SuppressWarnings("unchecked")
    @Override
    void absorb(Participant p, Piece into, Piece child) {
      ((List<E>) into.objectAcc).addAll((List<E>) child.objectAcc);
      drop(p, child);
    }

    @Override
    void drop(Participant p, Piece child) {
      p.arena.recycle((List<?>) child.objectAcc);
      child.objectAcc = null;
    }
  }

  static final class AppendBuilder extends LoopJob {
    private final IntRangeInto<StringBuilder> body;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static LoopJob of(long work, IntRangeInto<StringBuilder> body) {
      return new AppendBuilder(work, body);
    }

    private AppendBuilder(long work, IntRangeInto<StringBuilder> body) {
      super(work);
      this.body = body;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run((int) lo, (int) hi, (StringBuilder) s.objectAcc);
    }

    @Override
    void open(Participant p, Piece child) {
      child.objectAcc = p.arena.builder();
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      ((StringBuilder) into.objectAcc).append((StringBuilder) child.objectAcc);
      drop(p, child);
    }

    @Override
    void drop(Participant p, Piece child) {
      p.arena.recycle((StringBuilder) child.objectAcc);
      child.objectAcc = null;
    }
  }

  static final class MergeKeyed<K, V> extends LoopJob {
    private final BiFunction<? super V, ? super V, ? extends V> merge;
    private final IntRangeInto<Map<K, V>> body;
    /** Whether pieces take the last-call summary ({@link KeyedView#recorded} target). */
    private final boolean record;

    /** Typed as the base class: see {@link LoopJob}'s note on class loading. */
    static <K, V> LoopJob of(long work, BiFunction<? super V, ? super V, ? extends V> merge, IntRangeInto<Map<K, V>> body, boolean record) {
      return new MergeKeyed<>(work, merge, body, record);
    }

    private MergeKeyed(long work, BiFunction<? super V, ? super V, ? extends V> merge, IntRangeInto<Map<K, V>> body, boolean record) {
      super(work);
      this.merge = merge;
      this.body = body;
      this.record = record;
    }

    // The view is made by the participant that runs the piece, not by the one that split it off:
    // it is written on every call, and an object from the splitter's allocation buffer would share
    // cache lines with the splitter's own view.
    @SuppressWarnings("unchecked")
    private KeyedView<K, V> view(Piece s) {
      if (s.objectAcc == null) s.objectAcc = new KeyedView<K, V>();
      return (KeyedView<K, V>) s.objectAcc;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      body.run((int) lo, (int) hi, view(s));
    }

    @Override
    void lastChunk(Piece s, long lo, long hi) {
      if (record) view(s).runFinalChunk(body, (int) s.lo, (int) lo, (int) hi);
      else chunk(s, lo, hi);
    }

    @SuppressWarnings("unchecked")
    @Override
    void absorb(Participant p, Piece into, Piece child) {
      if (child.objectAcc != null) ((KeyedView<K, V>) into.objectAcc).absorb((KeyedView<K, V>) child.objectAcc, merge);
      child.objectAcc = null;
    }
  }
}
