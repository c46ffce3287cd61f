package dev.weft.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A program's first loop regions run on the calling thread, chunk by chunk, until together they
 * have taken a budget (40 ms); only then does a region start the pool, and a loop that spends the
 * budget hands the rest of its range to the pool at the next chunk boundary.
 *
 * <p>Why: starting the pool is not free. Its classes, VarHandles and arenas, a worker thread, and
 * that thread competing with the JIT compiler for the cores cost a short program 15–40 ms on the
 * 2-core VM (a 0.1 s stencil ran 0.75× its original, a 0.1 s word count 0.72×). A program whose
 * regions together take less than that cannot win it back; one whose regions take seconds loses at
 * most half the budget with two cores (20 ms of a 2 s run). Spending as much as starting costs
 * before paying for it is the ski-rental rule: never more than twice what the better choice in
 * hindsight would have cost.
 *
 * <p>The sequential prefix is the original loop over {@code [from, m)}: a reduction folds its
 * chunks in index order and combines the rest's result after them, an append or keyed update writes
 * its target directly, as the sequential loop does, and the pool continues over {@code [m, to)}.
 * Fixed-shape {@code double} reductions do not take part (their tree depends on the whole range),
 * nor does divide and conquer (its first forks must happen at the top of the recursion): those
 * start the pool at once, and so end the warm-up for everyone ({@link #end}).
 *
 * <p>{@code -Dweft.warmupMs=N} sets the budget (0 turns it off); testing's stress switch turns it
 * off, so that every region of a stress run goes through the pool.
 */
final class Warmup {
  /** The budget; tests restart the warm-up with another ({@link #restart}). */
  private static volatile long budgetNs = budget();
  /** Chunks double while they run shorter than this, so a loop hands over within about this long. */
  private static final long CHUNK_NS = 250_000;

  /** Set once the budget is spent or the pool has started; never cleared. */
  private static volatile boolean over = budgetNs <= 0;
  private static final AtomicLong SPENT = new AtomicLong();

  private long chunk;
  private long t0;

  private Warmup(long chunk) {
    this.chunk = chunk;
    this.t0 = System.nanoTime();
  }

  private static long budget() {
    if (Boolean.getBoolean("weft.stress")) return 0; // read here: WeftPool.STRESS would start the pool
    long ms = Long.getLong("weft.warmupMs", 40);
    return ms <= 0 ? 0 : Math.multiplyExact(Math.min(ms, 1_000_000), 1_000_000L);
  }

  /** A warm-up for one region, or null once the pool is in use (then the region goes to the pool). */
  static Warmup begin(long workPerIteration) {
    if (over) return null; // volatile read
    return new Warmup(Math.max(1, LoopJob.FIRST_CHUNK_WORK / Math.max(1, workPerIteration)));
  }

  /** Tests: a new warm-up with budget {@code ns} (0: none), as if no region had run yet. */
  static void restart(long ns) {
    budgetNs = ns;
    SPENT.set(0);
    over = ns <= 0;
  }

  /** The pool has started: every later region goes to it. */
  static void end() {
    over = true; // volatile write
  }

  /**
   * The end of the next chunk, which starts at {@code lo} (where the previous one, if any, ended),
   * or -1 when the budget is spent: the caller hands {@code [lo, to)} to the pool.
   */
  long next(long lo, long to) {
    long now = System.nanoTime();
    long dt = now - t0;
    t0 = now;
    if (over || SPENT.addAndGet(dt) >= budgetNs) { // volatile reads; atomic add
      over = true;
      return -1;
    }
    if (dt < CHUNK_NS && chunk < (1L << 40)) chunk <<= 1;
    long left = to - lo; // negative: a long range wider than Long.MAX_VALUE, far longer than a chunk
    return left > 0 && left <= chunk ? to : lo + chunk;
  }
}
