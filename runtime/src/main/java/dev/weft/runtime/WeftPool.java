package dev.weft.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock-free work-stealing pool. {@link Weft}'s static methods run on the {@linkplain #common()
 * common pool} (or, when called from inside a task, on the pool running that task); tests and
 * embedders can create pools with an explicit parallelism and call the same operations on them.
 *
 * <h2>Implementation overview</h2>
 *
 * <p>A pool of parallelism {@code P} has {@code P - 1} {@link Worker} threads, daemon and started
 * lazily by the first wake-up; the thread that calls into the pool is the {@code P}-th participant
 * (it claims one of a few external slots for the duration of its top-level call) and works instead
 * of blocking. Each participant owns a Chase–Lev deque (Chase and Lev, SPAA 2005) with the C11
 * orderings of Lê et al. (PPoPP 2013): the owner pushes and takes at the bottom, thieves steal at the
 * top from victims picked at random; see {@link TaskDeque}.
 *
 * <p><b>Idling without locks.</b> A worker with nothing to run is <em>searching</em>: it scans the
 * deques a bounded number of rounds ({@link #SPIN_SCANS}); then the last searcher alone keeps
 * scanning for up to {@link #SPIN_NS} (Go's spinning-M rule) and everyone else <em>parks</em>, so a
 * program that runs short loops back to back finds a worker still spinning instead of paying a
 * futex wake per loop. Both states are
 * counted in one packed atomic word, {@link #ctl}: searching count (16 bits), parked count (16 bits),
 * a Treiber stack of parked workers (index + 1, 16 bits) and an ABA tag (16 bits). Whoever pushes a
 * task reads ctl and, only when nobody is searching and someone is parked, pops one parked worker
 * with a CAS and unparks it ({@link #signalWork}); so does every top-level fork/join call (not a
 * top-level loop: it wakes a worker only by splitting), and the last searcher when it finds work
 * (so one searcher stays around while work flows). A worker that parks
 * re-scans all deques after its CAS made it visible as parked, so a task pushed while it was still
 * counted as searching is never stranded (a Dekker pair: push, then read ctl; CAS ctl, then read the
 * deques). A missed wake-up can only cost parallelism, never progress: every task is joined, and so
 * run, by the participant that pushed it if nobody stole it. Nothing here takes a lock; parking is
 * {@link LockSupport}. An idle pool uses no CPU: parked workers wait without a timeout once drowsy.
 *
 * <p><b>Heartbeat fork decision.</b> One global word backs {@link Weft#wantsWork()}: an opaque read
 * and a branch while it is zero. Its low half counts idle participants (searching workers, parked
 * workers for their first {@link #DROWSY_NS}, after which they are <em>drowsy</em>: still wakeable,
 * no longer asking; joiners waiting with nothing to help) minus the tasks on offer in deques, so
 * once a piece is on offer for every idle participant nobody forks more. Its high half counts
 * <em>eager</em> participants: those running user code at a join depth below
 * {@code forkDepth = log2(P) + 2}. While it is non-zero, wantsWork also checks the caller's own depth,
 * so the first levels of every recursion always fork, as latent frames that cost a few stores; they
 * are the big pieces promotion hands out later (a task a thief takes starts again at depth 0). A
 * thread outside every pool counts as eager while no external slot of the common pool is held, so
 * a top-level recursion forks and claims one. Loops and promotion read only the idle half, and a
 * loop splits at once only for the awake part of it ({@link #awakeIdleWanted}). Deeper
 * down, rewritten divide-and-conquer code forks only while someone is idle, which is the heartbeat /
 * lazy-task-creation idea (Acar, Charguéraud, Guatto, Rainey,
 * Sieczkowski, "Heartbeat Scheduling: Provable Efficiency for Nested Parallelism", PLDI 2018): while
 * everyone is busy the program runs its original sequential code at full speed. A worker whose last
 * {@link #TINY_STREAK} steals each ran under {@link #TINY_TASK_NS} is <em>sated</em> and naps
 * uncounted for {@link #SATED_NAP_NS}: once the latent frames of the first levels are used up, code
 * that forks only when asked can only offer a piece from wherever its recursion happens to be, usually
 * a tiny one, and chasing those costs more than it gains.
 *
 * <p><b>Loops</b> use lazy binary splitting (Tzannes, Caragea, Barua, Vishkin, "Lazy Binary-Splitting:
 * A Run-Time Adaptive Work-Stealing Scheduler", PPoPP 2010): a piece runs its range chunk by chunk and,
 * before each chunk, gives away the upper half of what remains when some participant is idle. Chunk
 * sizes start from the caller's work estimate and adapt to a measured 16–64 µs per chunk, so no grain is
 * needed and the body is called once per chunk. Pieces are joined newest first, which is index order,
 * so reductions combine in index order. Floating-point reductions instead use a fixed-shape tree whose
 * leaves depend only on the range ({@link FixedShape}) and fork inside it on the same test.
 *
 * <p><b>Joins</b> record the right half as a <em>latent frame</em> in a per-participant reusable
 * {@link JoinSlot} (joins nest strictly, so one slot per depth suffices) and run the left half. When a
 * participant is idle, the OLDEST latent frame of the forking participant is promoted: pushed on its
 * deque (heartbeat promotion, Acar et al.), so thieves get the biggest piece on offer. At the join, a
 * frame never promoted runs inline: a few plain stores, no fence, no allocation. A promoted frame is
 * taken back if still at the bottom, or else the joiner helps (runs other tasks) while it waits, then
 * spins briefly and parks; the thief unparks it.
 *
 * <p><b>Exceptions.</b> Loop pieces record the lowest chunk start that failed; chunks starting above it
 * are skipped, chunks below it still run, so the exception rethrown (lowest index) is the one the
 * sequential loop would have thrown; the others are added as suppressed. Every task is joined before a
 * call returns or throws, and completion is published by a volatile store that the joiner reads, so all
 * task writes happen-before the return.
 */
public final class WeftPool {
  /** Rounds of deque scans every searching worker makes before it parks or keeps spinning. */
  static final int SPIN_SCANS = 16;
  /**
   * How long the LAST searching worker keeps scanning (with {@code onSpinWait}) before it parks: about
   * what a park and unpark cost (the competitive spin-then-block rule), long enough to catch the next
   * loop of a program that runs loops back to back, at most 2 % of a millisecond loop. Other
   * searchers park after {@link #SPIN_SCANS} rounds.
   */
  static final long SPIN_NS = 20_000;
  /** How long a joiner with nothing to help spins before parking: about one loop chunk. */
  static final long JOIN_SPIN_NS = 20_000;
  private static final int EXTERNAL_SLOTS = 8;
  /** A stolen task shorter than this did not pay for its steal. */
  static final long TINY_TASK_NS = 20_000;
  /** After this many tiny steals in a row a worker naps for {@link #SATED_NAP_NS}. */
  static final int TINY_STREAK = 3;
  static final long SATED_NAP_NS = 200_000;
  /** How long a parked worker keeps asking for work (counted by wantsWork) before it drowses. */
  static final long DROWSY_NS = 500_000;

  // ctl layout: [tag:16][stack top (worker index + 1):16][parked:16][searching:16]
  private static final long SC_UNIT = 1L;
  private static final long SC_MASK = 0xFFFFL;
  private static final long PK_UNIT = 1L << 16;
  private static final long COUNTS_MASK = 0xFFFF_FFFFL;
  private static final int TOP_SHIFT = 32;
  private static final long TOP_MASK = 0xFFFFL << TOP_SHIFT;
  private static final long TAG_UNIT = 1L << 48;
  private static final long TAG_MASK = 0xFFFFL << 48;

  private final int parallelism;
  /** Joins nested shallower than this always fork: {@code floor(log2(P)) + 2}, see {@link #wantsWork()}. */
  final int forkDepth;
  private final Worker[] workers;
  private final Participant[] externals;
  /** Workers, then external slots: the victims a thief scans. */
  private final Participant[] all;

  private volatile long ctl; // CAS / getAndAdd; read opaque on the push path

  /**
   * What {@link Weft#wantsWork()} reads, two counts over all pools in one word so the common answer
   * costs one load. Low 32 bits, signed: idle participants (searching workers, hungry parked workers,
   * joiners with nothing to help) minus tasks on offer in deques; a negative value borrows from the
   * high half, which readers undo ({@code w - (int) w}). High 32 bits: <em>eager</em>
   * participants, those running user code (a task or a top-level call, not a wait) at a join depth
   * below {@link #forkDepth}; plus one while nobody has claimed an
   * external slot of the common pool (a thread outside every pool that calls wantsWork is then at the
   * top of its recursion). Each participant's share of either count is 0 or 1.
   */
  private static volatile long want; // getAndAdd on transitions; read opaque

  /**
   * Idle workers counted in {@link #want} that are not awake, over all pools: hungry workers in their
   * timed park and workers never started. Giving such a worker a piece costs a wake-up (or a thread
   * start) on both sides; {@link #awakeIdleWanted} leaves them out.
   */
  private static volatile int asleep; // getAndAdd on transitions; read opaque
  static final long IDLE_UNIT = 1L;
  static final long EAGER_UNIT = 1L << 32;
  private static final String COMMON_PREFIX = "weft-worker-";
  /** External slots of the common pool held now: the outside share of the eager count is on at 0. */
  private static volatile int commonClaims; // getAndAdd on claim and release

  /** Pools whose external slots {@link #current()} looks through (copy on write, CAS). */
  private static volatile WeftPool[] pools = new WeftPool[0];
  /** The participant last claimed by an external thread: a fast path for {@link #current()}. */
  private static volatile Participant lastExternal; // racy hint, validated by its owner field

  /** A pool of {@code parallelism} participants: the caller plus {@code parallelism - 1} workers. */
  public WeftPool(int parallelism) {
    this(parallelism, "weft-pool-".concat(Integer.toHexString(System.identityHashCode(new Object()))).concat("-"));
  }

  private WeftPool(int parallelism, String prefix) {
    if (parallelism < 1 || parallelism > 0x7FFF) throw new IllegalArgumentException("parallelism " + parallelism);
    this.parallelism = parallelism;
    this.forkDepth = parallelism == 1 ? 0 : 31 - Integer.numberOfLeadingZeros(parallelism) + 2;
    int w = parallelism - 1;
    workers = new Worker[w];
    all = new Participant[w + EXTERNAL_SLOTS];
    for (int i = 0; i < w; i++) {
      Participant p = new Participant(this, i);
      // concat, not +: a string concatenation links a call site, ~10 ms in a JVM that has linked none (StartupTest)
      workers[i] = new Worker(p, prefix.concat(Integer.toString(i)));
      workers[i].nextParked = i; // the stack initially holds every unstarted worker: i-1's index + 1
      workers[i].parked = true;
      all[i] = p;
    }
    externals = new Participant[EXTERNAL_SLOTS];
    for (int i = 0; i < EXTERNAL_SLOTS; i++) all[w + i] = externals[i] = new Participant(this, w + i);
    ctl = ((long) w << TOP_SHIFT) | (w * PK_UNIT);
    addWant(w * IDLE_UNIT + (prefix.equals(COMMON_PREFIX) && w > 0 ? EAGER_UNIT : 0));
    addAsleep(w); // unstarted: idle, not awake (workerLoop takes each out when its thread starts)
    for (;;) {
      WeftPool[] ps = pools;
      WeftPool[] next = java.util.Arrays.copyOf(ps, ps.length + 1);
      next[ps.length] = this;
      if (POOLS.compareAndSet(ps, next)) break; // volatile CAS
    }
  }

  /** The pool {@link Weft}'s static methods use outside any task. */
  public static WeftPool common() {
    return COMMON;
  }

  /** Participants: worker threads plus the calling thread. */
  public int parallelism() {
    return parallelism;
  }

  static int defaultParallelism() {
    String s = System.getProperty("weft.parallelism");
    if (s == null || s.isBlank()) s = System.getenv("WEFT_PARALLELISM");
    if (s != null && !s.isBlank()) {
      try {
        int n = Integer.parseInt(s.trim());
        if (n >= 1) return Math.min(n, 0x7FFF);
      } catch (NumberFormatException ignored) {
        // fall through to the processor count
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  // ---- who is calling -----------------------------------------------------------------------

  /**
   * The fork decision behind {@link Weft#wantsWork()}: some participant is idle, or the caller's
   * join nesting is shallower than {@link #forkDepth}. One field read while nobody is idle or eager
   * (the steady state of a deep recursion); while someone is eager, a type check and two loads of
   * the caller's own participant. TODO: a worker running a loop piece counts as eager (depth 0), so
   * divide and conquer running beside loops pays the depth check on every call.
   */
  static boolean wantsWork() {
    if (STRESS) return true;
    long w = (long) WANT.getOpaque(); // opaque: a hint, re-read on every call
    return w != 0 && wantsWork(w); // one test on the path every recursive call takes
  }

  private static boolean wantsWork(long w) {
    int hungry = (int) w;
    return hungry > 0 || (w - hungry != 0 && shallowCaller()); // w - hungry: the eager count, shifted
  }

  /**
   * Testing only ({@code -Dweft.stress=true}): fork and split at every opportunity, whatever the
   * work estimates and idle counts say, so that a rewrite whose pieces are not independent, or that
   * combines them out of order, shows it in a differential run instead of depending on the scheduler
   * happening to split (the fuzzer's dependence-ignoring oracle measured how often it did). Off, it
   * is a constant the JIT folds away.
   */
  static final boolean STRESS = Boolean.getBoolean("weft.stress");

  /** True when some idle participant has no task on offer: what loops and promotion test. */
  static boolean idleWanted() {
    if (STRESS) return true;
    return (int) (long) WANT.getOpaque() > 0; // opaque: a hint, re-read on every call
  }

  /**
   * As {@link #idleWanted}, but counting only idle participants that are awake (searching, or
   * spinning in a join), not the {@link #asleep} ones: what a loop tests before it splits without
   * knowing how long its rest takes. Handing a piece to a sleeping worker costs a wake-up (tens of
   * microseconds here) on both sides; a loop splits for it only once its measured pace says the rest
   * is worth that ({@code LoopJob.worthWaking}). Without this, a program of many short loops (a
   * 64 x 64 stencil: 1,000 sweeps of about 12 µs) woke the other worker for nearly every loop and
   * ran slower than the original.
   */
  static boolean awakeIdleWanted() {
    if (STRESS) return true;
    return (int) (long) WANT.getOpaque() - (int) ASLEEP.getOpaque() > 0; // opaque: hints
  }

  /**
   * A task was pushed (+1) or removed by its owner or a thief (-1). Tasks on offer are subtracted
   * from the idle count: once there is a piece for every idle participant, nobody needs to fork
   * more (a worker just woken may take milliseconds to arrive on a loaded machine, and code that
   * forked at every call meanwhile would pay a join per call).
   */
  static void offered(int delta) {
    addWant(-delta * IDLE_UNIT); // volatile add
  }

  /**
   * Adds to {@link #want} (volatile). The result is taken, though unused: a VarHandle call whose
   * symbolic type differs from the access mode's (here a discarded {@code long}) is adapted through
   * generated method-handle classes at first use, tens of milliseconds of startup.
   */
  private static void addWant(long delta) {
    long unused = (long) WANT.getAndAdd(delta);
  }

  /** Adds to {@link #asleep} (volatile); the result is taken for the same reason as in addWant. */
  private static void addAsleep(int delta) {
    int unused = (int) ASLEEP.getAndAdd(delta);
  }

  /** The {@link #asleep} count (tests). */
  static int asleepCount() {
    return (int) ASLEEP.getVolatile(); // volatile
  }

  /** Workers never started, over all pools (tests: at rest, the only ones {@link #asleep} counts). */
  static int unstartedWorkers() {
    int n = 0;
    for (WeftPool pool : pools) {
      for (Worker w : pool.workers) if (!w.started) n++;
    }
    return n;
  }

  /** The eager count (tests): participants in user code below {@link #forkDepth}, plus the outside share. */
  static int eagerCount() {
    long w = (long) WANT.getVolatile(); // volatile
    return (int) ((w - (int) w) >> 32);
  }

  /** A participant enters (+1) or leaves (-1) the eager state. */
  static void eager(int delta) {
    addWant(delta * EAGER_UNIT); // volatile add
  }

  /**
   * The eager part of the fork decision: the first {@code log2(P) + 2} join levels on each
   * participant always fork, as latent frames (a few plain stores, nothing pushed). They are the
   * {@code 4P}-odd big pieces that {@link Participant#promote()} hands to a worker when it turns idle
   * later; the idle signal alone would offer pieces from wherever the recursion happens to be.
   */
  private static boolean shallowCaller() {
    Thread t = Thread.currentThread();
    Participant p;
    if (t instanceof Worker) {
      p = ((Worker) t).ctx;
    } else {
      p = lastExternal;
      if (p == null || p.owner != t) return outsideCaller();
    }
    return p.depth < p.forkDepth;
  }

  /** A thread that is not the last external claimer: fork at top level only if a join can claim a slot. */
  private static boolean outsideCaller() {
    Participant p = current();
    if (p != null) return p.depth < p.forkDepth;
    // TODO: a thread outside every pool pays this scan per call while another thread's top-level call
    // keeps the eager count up; it forks only while a slot is free.
    if (COMMON.workers.length == 0) return false;
    for (Participant e : COMMON.externals) if (e.owner == null) return true; // volatile reads
    return false;
  }

  /** The participant the current thread is, or null outside every pool. */
  static Participant current() {
    Thread t = Thread.currentThread();
    if (t instanceof Worker) return ((Worker) t).ctx;
    Participant q = lastExternal;
    if (q != null && q.owner == t) return q; // only t writes t into owner
    for (WeftPool pool : pools) {
      for (Participant p : pool.externals) if (p.owner == t) return p;
    }
    return null;
  }

  /** The pool a static call runs on: the caller's, or the common pool. */
  static WeftPool routed(Participant p) {
    return p != null ? p.pool : COMMON;
  }

  /** Claims a free external slot for a top-level fork/join call, waking a worker to take its forks. */
  private Participant claim() {
    Participant p = claimQuietly();
    if (p != null) signalIfIdle(); // a drowsy worker is not counted by wantsWork: wake one for its forks
    return p;
  }

  /**
   * Claims a free external slot for the current thread, or null when all are taken. Wakes nobody: a
   * top-level loop decides itself whether its rest is worth a wake-up ({@link LoopJob}).
   */
  private Participant claimQuietly() {
    if (workers.length == 0) return null;
    Thread t = Thread.currentThread();
    for (Participant p : externals) {
      if (p.claim(t)) {
        lastExternal = p;
        p.startCall();
        eager(1); // a top-level call starts at join depth 0
        if (this == COMMON && (int) CLAIMS.getAndAdd(1) == 0) eager(-1); // volatile add: no longer outside
        return p;
      }
    }
    return null; // TODO: more than EXTERNAL_SLOTS concurrent external callers run sequentially
  }

  private static void unclaim(Participant p) {
    if (p.pool == COMMON && (int) CLAIMS.getAndAdd(-1) == 1) eager(1); // volatile add: outside again
    eager(-1); // joins nest strictly: back at depth 0
    p.owner = null; // volatile: the deque is empty, every task was joined
  }

  /** The participant to run on: the caller's own in this pool, or null when a claim is needed. */
  private Participant mine() {
    Participant p = current();
    return p != null && p.pool == this ? p : null;
  }

  // ---- idling and waking --------------------------------------------------------------------

  /** Push path: wake a parked worker only if nobody is searching. */
  /** Whether some worker is parked (hungry or drowsy): a hint, for loops deciding to wake one. */
  boolean hasParked() {
    return ((long) CTL.getOpaque(this) & TOP_MASK) != 0; // relaxed: a hint
  }

  void signalIfIdle() {
    long c = (long) CTL.getOpaque(this); // relaxed: a missed wake-up costs parallelism, not progress
    if ((c & SC_MASK) == 0 && (c & TOP_MASK) != 0) signalWork();
  }

  void signalWork() {
    for (;;) {
      long c = ctl; // volatile
      if ((c & SC_MASK) != 0) return; // a searcher will find the work
      int top = (int) ((c & TOP_MASK) >>> TOP_SHIFT);
      if (top == 0) return; // nobody parked
      Worker w = workers[top - 1];
      long nc = ((c + TAG_UNIT) & TAG_MASK) | ((long) w.nextParked << TOP_SHIFT)
          | ((c - PK_UNIT + SC_UNIT) & COUNTS_MASK);
      if (CTL.compareAndSet(this, c, nc)) { // volatile CAS: pops w, counts it searching
        w.parked = false; // volatile
        if (!w.started) {
          w.started = true;
          w.start();
        } else {
          LockSupport.unpark(w);
        }
        return;
      }
    }
  }

  void workerLoop(Worker w) {
    Participant p = w.ctx;
    addAsleep(-1); // started: awake, searching
    for (;;) { // counted as searching here
      Task t = search(p);
      if (t != null) {
        long c = (long) CTL.getAndAdd(this, -SC_UNIT); // volatile: searching -> active
        addWant(-IDLE_UNIT);
        // The last searcher found work: wake another to keep looking (work may be flowing).
        if ((c & SC_MASK) == 1 || p.stoleFromBusy) signalWork();
        long t0 = System.nanoTime();
        eager(1); // a stolen task starts at join depth 0
        p.runTask(t);
        Task own;
        while ((own = p.deque.take()) != null) p.runTask(own); // normally empty: joins nest strictly
        eager(-1);
        if (System.nanoTime() - t0 >= TINY_TASK_NS) {
          w.tinyStreak = 0;
        } else if (++w.tinyStreak >= TINY_STREAK) {
          // Sated: the work on offer is too fine to pay for stealing it (code that forks only when
          // asked can only offer pieces from wherever its recursion happens to be). Nap, uncounted
          // by wantsWork, so the busy participants run their code sequentially meanwhile.
          w.tinyStreak = 0;
          LockSupport.parkNanos(this, SATED_NAP_NS);
        }
        addWant(IDLE_UNIT);
        long unused = (long) CTL.getAndAdd(this, SC_UNIT); // volatile: active -> searching; the result is taken so the call site's type matches the VarHandle's exactly
      } else {
        park(w);
      }
    }
  }

  /**
   * Scans {@link #SPIN_SCANS} rounds; then, only while this worker is the sole searcher, keeps
   * scanning up to {@link #SPIN_NS} (Go's spinning-M rule: one spinner is enough to notice new work,
   * and it wakes the next when it finds some). Null: park.
   */
  private Task search(Participant p) {
    long deadline = 0;
    for (int round = 0; ; round++) {
      Task t = scan(p);
      if (t != null) return t;
      if (round >= SPIN_SCANS) {
        if (((long) CTL.getOpaque(this) & SC_MASK) > 1) return null; // relaxed: another searcher stays
        if ((deadline = spinUntil(deadline, SPIN_NS)) == 0) return null;
      }
      Thread.onSpinWait();
    }
  }

  private void park(Worker w) {
    int self = w.ctx.index + 1;
    w.parked = true; // volatile
    for (;;) {
      long c = ctl; // volatile
      w.nextParked = (int) ((c & TOP_MASK) >>> TOP_SHIFT);
      long nc = ((c + TAG_UNIT) & TAG_MASK) | ((long) self << TOP_SHIFT) | ((c - SC_UNIT + PK_UNIT) & COUNTS_MASK);
      if (CTL.compareAndSet(this, c, nc)) break; // volatile CAS: searching -> parked, pushes w
    }
    // Dekker with the push path: a pusher that saw us searching did not wake anyone.
    for (Participant v : all) {
      if (v.deque.size() > 0) {
        signalWork();
        break;
      }
    }
    // Hungry for DROWSY_NS: counted by wantsWork, so busy participants fork for us. After that, drowsy:
    // uncounted (busy code stops forking for nobody) but still on the stack, woken by the next signal.
    long deadline = System.nanoTime() + DROWSY_NS;
    boolean counted = true;
    addAsleep(1);
    while (w.parked) { // volatile read; the waker cleared it and counted us searching in ctl
      if (!counted) {
        LockSupport.park(this);
      } else if (System.nanoTime() < deadline) {
        LockSupport.parkNanos(this, DROWSY_NS);
      } else {
        counted = false;
        addWant(-IDLE_UNIT);
        addAsleep(-1);
      }
    }
    if (counted) addAsleep(-1);
    else addWant(IDLE_UNIT); // searching again
  }

  /** One pass over the deques: own bottom first, then every other participant from a random start. */
  Task scan(Participant p) {
    if (p.deque.size() > 0) {
      Task t = p.deque.take();
      if (t != null) {
        p.stoleFromBusy = false;
        return t;
      }
    }
    Participant[] vs = all;
    int n = vs.length;
    int start = (p.nextRandom() >>> 1) % n;
    for (int k = 0; k < n; k++) {
      Participant v = vs[(start + k) % n];
      if (v == p) continue;
      TaskDeque d = v.deque;
      while (d.size() > 0) {
        Task t = d.steal();
        if (t == TaskDeque.ABORT) continue;
        if (t == null) break;
        p.stoleFromBusy = d.size() > 0;
        return t;
      }
    }
    return null;
  }

  /**
   * Waits for a stolen task, running other tasks meanwhile; then spins, then parks. While it has
   * nothing to run the joiner counts as idle, so busy participants fork for it; after a few helped
   * tasks too small to pay for stealing them it stops asking (as a sated worker does).
   */
  void awaitDone(Participant p, Task task) {
    boolean shallow = p.depth < p.forkDepth;
    if (shallow) eager(-1); // waiting runs no user code: deep code elsewhere need not check its depth
    try {
      waitFor(p, task);
    } finally {
      if (shallow) eager(1);
    }
  }

  private void waitFor(Participant p, Task task) {
    int spins = 0;
    long deadline = 0;
    int tiny = 0;
    boolean counted = false;
    while ((int) Task.STATUS.getAcquire(task) != Task.DONE) { // acquire: pairs with exec's store
      Task t = scan(p);
      if (t != null) {
        if (counted) {
          addWant(-IDLE_UNIT);
          counted = false;
        }
        if (p.stoleFromBusy) signalIfIdle();
        long t0 = System.nanoTime();
        boolean shallow = p.depth < p.forkDepth;
        if (shallow) eager(1); // the helped task runs nested at this depth
        p.runTask(t);
        if (shallow) eager(-1);
        tiny = System.nanoTime() - t0 < TINY_TASK_NS ? tiny + 1 : 0;
        spins = 0;
        deadline = 0;
      } else if (++spins < SPIN_SCANS || (deadline = spinUntil(deadline, JOIN_SPIN_NS)) != 0) {
        if (!counted && tiny < TINY_STREAK) {
          addWant(IDLE_UNIT);
          counted = true;
        }
        Thread.onSpinWait();
      } else {
        spins = 0;
        if (counted) {
          addWant(-IDLE_UNIT);
          counted = false;
        }
        task.waiter = Thread.currentThread(); // volatile: Dekker pair with exec
        while (task.status != Task.DONE) LockSupport.park(task); // volatile read
        task.waiter = null;
      }
    }
    if (counted) WANT.getAndAdd(-IDLE_UNIT);
  }

  /** Starts ({@code deadline == 0}) or checks a spin of {@code ns}: the deadline, or 0 once it passed. */
  private static long spinUntil(long deadline, long ns) {
    long now = System.nanoTime();
    if (deadline == 0) return now + ns == 0 ? 1 : now + ns;
    return now - deadline < 0 ? deadline : 0;
  }

  // ---- loops ----------------------------------------------------------------------------------

  /** Work (in the caller's units) below which a region runs inline on the calling thread. */
  static final long INLINE_WORK = 1 << 14;

  static boolean inline(long n, long workPerIteration) {
    if (STRESS) return n <= 1;
    long w = Math.max(1, workPerIteration);
    return n <= INLINE_WORK / w;
  }

  /** Runs {@code top} (covering the whole range) on the caller's participant. */
  private void runLoop(Piece top) {
    Participant p = mine();
    if (p != null) {
      top.job.run(p, top);
      return;
    }
    p = claimQuietly();
    if (p == null) {
      top.job.run(null, top); // parallelism 1, or every external slot busy: sequential
      return;
    }
    try {
      top.job.run(p, top);
    } finally {
      unclaim(p);
    }
  }

  /** As {@link Weft#forRange(int, int, long, IntRangeBody)}. */
  public void forRange(int from, int to, long workPerIteration, IntRangeBody body) {
    if (from >= to) return;
    if (parallelism == 1 || inline((long) to - from, workPerIteration)) {
      body.run(from, to);
      return;
    }
    runLoop(new Piece(LoopJob.ForInt.of(workPerIteration, body), from, to));
  }

  /** As {@link Weft#forRange(long, long, long, LongRangeBody)}. */
  public void forRange(long from, long to, long workPerIteration, LongRangeBody body) {
    if (from >= to) return;
    long n = to - from;
    if (parallelism == 1 || (n > 0 && inline(n, workPerIteration))) {
      body.run(from, to);
      return;
    }
    if (n <= 0) { // the range is wider than Long.MAX_VALUE: split it once by hand
      long mid = midpoint(from, to);
      forRange(from, mid, workPerIteration, body);
      forRange(mid, to, workPerIteration, body);
      return;
    }
    runLoop(new Piece(LoopJob.ForLong.of(workPerIteration, body), from, to));
  }

  /** As {@link Weft#reduceInt}: the long-range reduction, its chunk bounds narrowed back to int. */
  public int reduceInt(int from, int to, long workPerIteration, int identity, IntRangeToInt chunk, IntBinaryOperator combiner) {
    return reduceIntOverLongRange(from, to, workPerIteration, identity, Narrowed.toInt(chunk), combiner);
  }

  /** As {@link Weft#reduceLong}: the long-range reduction, its chunk bounds narrowed back to int. */
  public long reduceLong(int from, int to, long workPerIteration, long identity, IntRangeToLong chunk, LongBinaryOperator combiner) {
    return reduceLongOverLongRange(from, to, workPerIteration, identity, Narrowed.toLong(chunk), combiner);
  }

  /** As {@link Weft#reduceDouble}: fixed-shape tree, bit-identical for every parallelism. */
  public double reduceDouble(int from, int to, long workPerIteration, double identity, IntRangeToDouble chunk, DoubleBinaryOperator combiner) {
    if (from >= to) return identity;
    FixedShape.Reduce tree = new FixedShape.Reduce(from, to, chunk, combiner);
    return combiner.applyAsDouble(identity, runTree(tree));
  }

  /** As {@link Weft#reduce}: combined in index order; the long-range reduction, bounds narrowed to int. */
  public <T> T reduce(int from, int to, long workPerIteration, Supplier<T> identity, IntRangeFold<T> chunk, BinaryOperator<T> combiner) {
    return reduceOverLongRange(from, to, workPerIteration, identity, Narrowed.fold(chunk), combiner);
  }

  /**
   * The floor of {@code (from + to) / 2} without overflow, for any signed bounds. (forRange's
   * {@code from + (to >>> 1) - (from >>> 1)} is not a midpoint when {@code from} is negative.)
   */
  private static long midpoint(long from, long to) {
    return (from >> 1) + (to >> 1) + (from & to & 1);
  }

  /** As {@link Weft#reduceIntOverLongRange}. */
  public int reduceIntOverLongRange(long from, long to, long workPerIteration, int identity, LongRangeToInt chunk, IntBinaryOperator combiner) {
    if (from >= to) return identity;
    long n = to - from;
    if (parallelism == 1 || (n > 0 && inline(n, workPerIteration))) {
      return combiner.applyAsInt(identity, chunk.apply(from, to));
    }
    if (n <= 0) { // wider than Long.MAX_VALUE: split once by hand, left before right
      long mid = midpoint(from, to);
      int left = reduceIntOverLongRange(from, mid, workPerIteration, identity, chunk, combiner);
      return combiner.applyAsInt(left, reduceIntOverLongRange(mid, to, workPerIteration, identity, chunk, combiner));
    }
    Piece top = new Piece(LoopJob.ReduceInt.of(workPerIteration, identity, chunk, combiner), from, to);
    top.intAcc = identity;
    runLoop(top);
    return top.intAcc;
  }

  /** As {@link Weft#reduceLongOverLongRange}. */
  public long reduceLongOverLongRange(long from, long to, long workPerIteration, long identity, LongRangeToLong chunk, LongBinaryOperator combiner) {
    if (from >= to) return identity;
    long n = to - from;
    if (parallelism == 1 || (n > 0 && inline(n, workPerIteration))) {
      return combiner.applyAsLong(identity, chunk.apply(from, to));
    }
    if (n <= 0) { // wider than Long.MAX_VALUE: split once by hand, left before right
      long mid = midpoint(from, to);
      long left = reduceLongOverLongRange(from, mid, workPerIteration, identity, chunk, combiner);
      return combiner.applyAsLong(left, reduceLongOverLongRange(mid, to, workPerIteration, identity, chunk, combiner));
    }
    Piece top = new Piece(LoopJob.ReduceLong.of(workPerIteration, identity, chunk, combiner), from, to);
    top.longAcc = identity;
    runLoop(top);
    return top.longAcc;
  }

  /** As {@link Weft#reduceOverLongRange}: combined in index order. */
  public <T> T reduceOverLongRange(long from, long to, long workPerIteration, Supplier<T> identity, LongRangeFold<T> chunk, BinaryOperator<T> combiner) {
    if (from >= to) return identity.get();
    long n = to - from;
    if (parallelism == 1 || (n > 0 && inline(n, workPerIteration))) {
      return combiner.apply(identity.get(), chunk.apply(from, to));
    }
    if (n <= 0) { // wider than Long.MAX_VALUE: split once by hand, left before right
      long mid = midpoint(from, to);
      T left = reduceOverLongRange(from, mid, workPerIteration, identity, chunk, combiner);
      return combiner.apply(left, reduceOverLongRange(mid, to, workPerIteration, identity, chunk, combiner));
    }
    Piece top = new Piece(LoopJob.Reduce.of(workPerIteration, identity, chunk, combiner), from, to);
    top.objectAcc = identity.get();
    runLoop(top);
    @SuppressWarnings("unchecked")
    T result = (T) top.objectAcc;
    return result;
  }

  /** As {@link Weft#accumulate(int, int, long, int[], int, IntBinaryOperator, IntRangeInto)}. */
  public void accumulate(int from, int to, long workPerIteration, int[] target, int identity, IntBinaryOperator op, IntRangeInto<int[]> body) {
    if (from >= to) return;
    if (parallelism == 1 || inline((long) to - from, workPerIteration)) {
      body.run(from, to, target);
      return;
    }
    Piece top = new Piece(LoopJob.AccumulateInts.of(workPerIteration, target.length, identity, op, body), from, to);
    top.objectAcc = target; // the lowest-index piece may work on the target itself
    runLoop(top);
  }

  /** As {@link Weft#accumulate(int, int, long, long[], long, LongBinaryOperator, IntRangeInto)}. */
  public void accumulate(int from, int to, long workPerIteration, long[] target, long identity, LongBinaryOperator op, IntRangeInto<long[]> body) {
    if (from >= to) return;
    if (parallelism == 1 || inline((long) to - from, workPerIteration)) {
      body.run(from, to, target);
      return;
    }
    Piece top = new Piece(LoopJob.AccumulateLongs.of(workPerIteration, target.length, identity, op, body), from, to);
    top.objectAcc = target;
    runLoop(top);
  }

  /** As {@link Weft#accumulate(int, int, long, double[], double, DoubleBinaryOperator, IntRangeInto)}: fixed shape. */
  public void accumulate(int from, int to, long workPerIteration, double[] target, double identity, DoubleBinaryOperator op, IntRangeInto<double[]> body) {
    if (from >= to) return;
    FixedShape.Accumulate tree = new FixedShape.Accumulate(from, to, target, identity, op, body);
    if (tree.leaves == 1) {
      body.run(from, to, target); // one leaf for every parallelism: the sequential loop itself
      return;
    }
    double[] root = runTree(tree);
    for (int k = 0; k < target.length; k++) target[k] = op.applyAsDouble(target[k], root[k]);
  }

  /** As {@link Weft#appendOrdered(int, int, long, List, IntRangeInto)}. */
  public <E> void appendOrdered(int from, int to, long workPerIteration, List<E> target, IntRangeInto<List<E>> body) {
    if (from >= to) return;
    if (parallelism == 1 || inline((long) to - from, workPerIteration)) {
      body.run(from, to, target);
      return;
    }
    Piece top = new Piece(LoopJob.AppendList.of(workPerIteration, body), from, to);
    top.objectAcc = target; // lowest index: appends go straight to the target
    runLoop(top);
  }

  /** As {@link Weft#appendOrdered(int, int, long, StringBuilder, IntRangeInto)}. */
  public void appendOrdered(int from, int to, long workPerIteration, StringBuilder target, IntRangeInto<StringBuilder> body) {
    if (from >= to) return;
    if (parallelism == 1 || inline((long) to - from, workPerIteration)) {
      body.run(from, to, target);
      return;
    }
    Piece top = new Piece(LoopJob.AppendBuilder.of(workPerIteration, body), from, to);
    top.objectAcc = target;
    runLoop(top);
  }

  /** As {@link Weft#mergeKeyed}. */
  public <K, V> void mergeKeyed(int from, int to, long workPerIteration, Map<K, V> target,
      BiFunction<? super V, ? super V, ? extends V> merge, IntRangeInto<Map<K, V>> body) {
    if (from >= to) return;
    if (parallelism == 1 || inline((long) to - from, workPerIteration)) {
      body.run(from, to, target); // alone: the original loop itself, its calls straight into target
      return;
    }
    KeyedView<K, V> view = new KeyedView<>();
    Piece top = new Piece(LoopJob.MergeKeyed.of(workPerIteration, merge, body, KeyedView.recorded(target)), from, to);
    top.objectAcc = view;
    runLoop(top);
    view.mergeInto(target, merge);
  }

  private double runTree(FixedShape.Reduce tree) {
    signalIfIdle();
    Participant p = parallelism == 1 ? null : mine();
    if (p != null || parallelism == 1) return tree.root(p);
    p = claim();
    try {
      return tree.root(p);
    } finally {
      if (p != null) unclaim(p);
    }
  }

  private double[] runTree(FixedShape.Accumulate tree) {
    signalIfIdle();
    Participant p = parallelism == 1 ? null : mine();
    if (p != null || parallelism == 1) return tree.root(p);
    p = claim();
    try {
      return tree.root(p);
    } finally {
      if (p != null) unclaim(p);
    }
  }

  // ---- fork/join --------------------------------------------------------------------------------

  /** As {@link Weft#join(Runnable, Runnable)}. */
  public void join(Runnable left, Runnable right) {
    Participant p = mine();
    if (p != null) {
      joinOn(p, left, right);
      return;
    }
    if ((p = claim()) == null) {
      left.run();
      right.run();
      return;
    }
    try {
      joinOn(p, left, right);
    } finally {
      unclaim(p);
    }
  }

  /** As {@link Weft#joinInt}. */
  public int joinInt(IntSupplier left, IntSupplier right, IntBinaryOperator combine) {
    Participant p = mine();
    if (p != null) return joinIntOn(p, left, right, combine);
    if ((p = claim()) == null) {
      int l = left.getAsInt();
      return combine.applyAsInt(l, right.getAsInt());
    }
    try {
      return joinIntOn(p, left, right, combine);
    } finally {
      unclaim(p);
    }
  }

  /** As {@link Weft#joinLong}. */
  public long joinLong(LongSupplier left, LongSupplier right, LongBinaryOperator combine) {
    Participant p = mine();
    if (p != null) return joinLongOn(p, left, right, combine);
    if ((p = claim()) == null) {
      long l = left.getAsLong();
      return combine.applyAsLong(l, right.getAsLong());
    }
    try {
      return joinLongOn(p, left, right, combine);
    } finally {
      unclaim(p);
    }
  }

  /** As {@link Weft#joinDouble}. */
  public double joinDouble(DoubleSupplier left, DoubleSupplier right, DoubleBinaryOperator combine) {
    Participant p = mine();
    if (p != null) return joinDoubleOn(p, left, right, combine);
    if ((p = claim()) == null) {
      double l = left.getAsDouble();
      return combine.applyAsDouble(l, right.getAsDouble());
    }
    try {
      return joinDoubleOn(p, left, right, combine);
    } finally {
      unclaim(p);
    }
  }

  /** As {@link Weft#join(Supplier, Supplier, BiFunction)}. */
  public <A, B, R> R join(Supplier<A> left, Supplier<B> right, BiFunction<? super A, ? super B, R> combine) {
    Participant p = mine();
    if (p != null) return joinOn(p, left, right, combine);
    if ((p = claim()) == null) {
      A l = left.get();
      return combine.apply(l, right.get());
    }
    try {
      return joinOn(p, left, right, combine);
    } finally {
      unclaim(p);
    }
  }

  /** As {@link Weft#invokeAll}. */
  public void invokeAll(Runnable... tasks) {
    Participant p = mine();
    if (p != null) {
      invokeAllOn(p, tasks);
      return;
    }
    if ((p = claim()) == null) {
      for (Runnable t : tasks) t.run();
      return;
    }
    try {
      invokeAllOn(p, tasks);
    } finally {
      unclaim(p);
    }
  }

  /** Pushes {@code right} in the participant's next join slot at once (n-ary joins). */
  private JoinSlot fork(Participant p, int kind, Object right) {
    JoinSlot s = p.acquireSlot();
    s.arm(kind, right);
    s.promoted = true;
    p.deque.push(s);
    signalIfIdle();
    return s;
  }

  /** Records {@code right} as a latent frame; promotes the oldest latent frame if a worker is idle. */
  private static JoinSlot latent(Participant p, int kind, Object right) {
    JoinSlot s = p.acquireSlot();
    s.arm(kind, right);
    if (idleWanted()) p.promote(); // hand the oldest latent frame to the idle participant
    return s;
  }

  /** After the left half threw: cancel or wait for the right half, keep its failure as suppressed. */
  private void abandon(Participant p, JoinSlot s, Throwable e) {
    if (s.promoted && !p.deque.takeIf(s)) {
      awaitDone(p, s);
      if (s.failure != null && s.failure != e) e.addSuppressed(s.failure);
    }
    s.disarm();
    p.releaseSlots(1);
  }

  // The join fast paths stay small so the JIT inlines them into the caller, where the lambdas are
  // monomorphic; promoted (stealable) frames take the out-of-line slow paths below.

  void joinOn(Participant p, Runnable left, Runnable right) {
    JoinSlot s = latent(p, JoinSlot.RUN, right);
    try {
      left.run();
    } catch (Throwable e) {
      abandon(p, s, e);
      throw e;
    }
    if (s.promoted) {
      if (joinPromoted(p, s)) right.run();
      return;
    }
    s.disarm();
    p.releaseSlots(1);
    right.run();
  }

  int joinIntOn(Participant p, IntSupplier left, IntSupplier right, IntBinaryOperator combine) {
    JoinSlot s = latent(p, JoinSlot.INT, right);
    int l;
    try {
      l = left.getAsInt();
    } catch (Throwable e) {
      abandon(p, s, e);
      throw e;
    }
    if (s.promoted) return combine.applyAsInt(l, joinPromoted(p, s) ? right.getAsInt() : s.intResult);
    s.disarm();
    p.releaseSlots(1);
    return combine.applyAsInt(l, right.getAsInt());
  }

  long joinLongOn(Participant p, LongSupplier left, LongSupplier right, LongBinaryOperator combine) {
    JoinSlot s = latent(p, JoinSlot.LONG, right);
    long l;
    try {
      l = left.getAsLong();
    } catch (Throwable e) {
      abandon(p, s, e);
      throw e;
    }
    if (s.promoted) return combine.applyAsLong(l, joinPromoted(p, s) ? right.getAsLong() : s.longResult);
    s.disarm();
    p.releaseSlots(1);
    return combine.applyAsLong(l, right.getAsLong());
  }

  double joinDoubleOn(Participant p, DoubleSupplier left, DoubleSupplier right, DoubleBinaryOperator combine) {
    JoinSlot s = latent(p, JoinSlot.DOUBLE, right);
    double l;
    try {
      l = left.getAsDouble();
    } catch (Throwable e) {
      abandon(p, s, e);
      throw e;
    }
    if (s.promoted) return combine.applyAsDouble(l, joinPromoted(p, s) ? right.getAsDouble() : s.doubleResult);
    s.disarm();
    p.releaseSlots(1);
    return combine.applyAsDouble(l, right.getAsDouble());
  }

  <A, B, R> R joinOn(Participant p, Supplier<A> left, Supplier<B> right, BiFunction<? super A, ? super B, R> combine) {
    JoinSlot s = latent(p, JoinSlot.OBJECT, right);
    A l;
    try {
      l = left.get();
    } catch (Throwable e) {
      abandon(p, s, e);
      throw e;
    }
    if (s.promoted) {
      @SuppressWarnings("unchecked")
      B r = joinPromoted(p, s) ? right.get() : (B) s.objectResult;
      return combine.apply(l, r);
    }
    s.disarm();
    p.releaseSlots(1);
    return combine.apply(l, right.get());
  }

  /**
   * Joins a promoted frame: true when it was taken back unstolen (the caller runs the right half
   * inline); false when a thief ran it (its result is in the slot). Rethrows the thief's failure.
   * The slot is released either way; its result fields stay readable until the next fork.
   */
  private boolean joinPromoted(Participant p, JoinSlot s) {
    if (p.deque.takeIf(s)) {
      s.disarm();
      p.releaseSlots(1);
      return true;
    }
    awaitDone(p, s);
    Throwable f = s.failure;
    Object result = s.objectResult;
    s.disarm();
    s.objectResult = result; // read by the caller right after; cleared at the next disarm
    p.releaseSlots(1);
    if (f != null) throw Weft.rethrow(f);
    return false;
  }

  /** Forks tasks 1..n-1 (task 1 nearest the bottom), runs task 0, then joins 1..n-1 in order. */
  void invokeAllOn(Participant p, Runnable[] tasks) {
    int n = tasks.length;
    if (n == 0) return;
    if (n == 1) {
      tasks[0].run();
      return;
    }
    if (!p.mayOffer()) { // a class initializer runs below: in order, as written
      for (Runnable t : tasks) t.run();
      return;
    }
    JoinSlot[] slots = new JoinSlot[n]; // TODO: n-ary joins allocate this index; binary joins do not
    for (int i = n - 1; i >= 1; i--) slots[i] = fork(p, JoinSlot.RUN, tasks[i]);
    Throwable failure = null;
    try {
      tasks[0].run();
    } catch (Throwable e) {
      failure = e;
    }
    for (int i = 1; i < n; i++) {
      JoinSlot s = slots[i];
      if (p.deque.takeIf(s)) {
        if (failure == null) {
          try {
            tasks[i].run();
          } catch (Throwable e) {
            failure = e;
          }
        }
      } else {
        awaitDone(p, s);
        if (s.failure != null) {
          if (failure == null) failure = s.failure;
          else if (failure != s.failure) failure.addSuppressed(s.failure);
        }
      }
      s.disarm();
    }
    p.releaseSlots(n - 1);
    if (failure != null) throw Weft.rethrow(failure);
  }

  /** The arena of the calling task. */
  static Arena arena() {
    Participant p = current();
    return p != null ? p.arena : new Arena(); // outside any pool the caller runs alone: a private arena
  }

  private static final VarHandle CTL;
  private static final VarHandle WANT;
  private static final VarHandle ASLEEP;
  private static final VarHandle CLAIMS;
  private static final VarHandle POOLS;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      CTL = l.findVarHandle(WeftPool.class, "ctl", long.class);
      WANT = l.findStaticVarHandle(WeftPool.class, "want", long.class);
      ASLEEP = l.findStaticVarHandle(WeftPool.class, "asleep", int.class);
      CLAIMS = l.findStaticVarHandle(WeftPool.class, "commonClaims", int.class);
      POOLS = l.findStaticVarHandle(WeftPool.class, "pools", WeftPool[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Declared after the VarHandles: static initialisers run in textual order.
  private static final WeftPool COMMON = new WeftPool(defaultParallelism(), COMMON_PREFIX);

  static {
    Warmup.end(); // the pool's cost is paid: every later region goes to it
  }
}
