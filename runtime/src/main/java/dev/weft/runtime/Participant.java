package dev.weft.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A thread taking part in a pool: a worker, or a caller that claimed one of the pool's external
 * slots for the duration of a top-level call. Everything here except the deque's top and
 * {@link #owner} is touched only by the owning thread.
 */
final class Participant {
  final WeftPool pool;
  final int index;
  final TaskDeque deque = new TaskDeque(true);
  final Arena arena = new Arena();

  /** For external slots: the thread that claimed it, null when free. Workers: their thread. */
  volatile Thread owner; // CAS to claim, volatile store to release

  /** Reusable join slots, one per nesting depth of joins in progress: un-stolen joins allocate nothing. */
  private JoinSlot[] slots = new JoinSlot[16];
  /** Joins in progress on this participant; {@link WeftPool#wantsWork()} reads it (owner only). */
  int depth;
  /** Joins nested shallower than this always fork (as latent frames): the pool's {@code log2(P) + 2}. */
  final int forkDepth;
  /** Frames below this index were promoted or finished; promotion starts looking here. */
  private int promoteFrom;
  private int seed;
  /** Set by the last scan: the victim still had tasks after the steal (wake another searcher). */
  boolean stoleFromBusy;
  /**
   * Set when {@link #mayOffer()} found a class initializer running on this thread; until the
   * current task or top-level call ends, nothing more is offered (owner only).
   */
  private boolean offersRefused;

  Participant(WeftPool pool, int index) {
    this.pool = pool;
    this.index = index;
    this.forkDepth = pool.forkDepth;
    this.seed = 0x9E3779B9 * (index + 1);
  }

  JoinSlot acquireSlot() {
    int d = depth++;
    if (d + 1 == forkDepth) WeftPool.eager(-1); // deep enough: fork only for idle participants now
    JoinSlot[] s = slots;
    if (d == s.length) slots = s = Arrays.copyOf(s, d * 2);
    JoinSlot j = s[d];
    if (j == null) s[d] = j = new JoinSlot();
    return j;
  }

  void releaseSlots(int n) {
    int d = depth;
    depth = d - n;
    if (d >= forkDepth && d - n < forkDepth) WeftPool.eager(1); // shallow again: eager
    if (promoteFrom > depth) promoteFrom = depth;
  }

  /**
   * Whether work may be handed to other threads now: not while a class initializer ({@code
   * <clinit>}) runs on this thread. A region's tasks run code of the region's class (its lambdas
   * are methods of that class) and often of other classes; a thread that calls into a class whose
   * initializer another thread is running waits until it returns (JLS 12.4.2), and that
   * initializer would be waiting for the task: the program would hang, where the sequential one
   * initializes the class and goes on. Asked before each push (only when someone is idle, so
   * rarely); a negative answer holds until the current task or top-level call ends, and the
   * region runs its rest on this thread. The stack walk costs about 0.35 µs a frame.
   */
  boolean mayOffer() {
    if (offersRefused) return false;
    if (ClassInitializer.running()) {
      offersRefused = true;
      return false;
    }
    return true;
  }

  /** A new top-level call on this (external) participant: it may offer work again. */
  void startCall() {
    offersRefused = false;
  }

  /**
   * Heartbeat promotion (Acar et al., PLDI 2018): when a worker wants work and nothing of ours is
   * stealable, push the OLDEST latent join frame, the one with the most work left under it.
   */
  void promote() {
    if (deque.size() > 0 || !mayOffer()) return; // something is already stealable, or nothing may be
    int d = promoteFrom;
    while (d < depth && slots[d].promoted) d++;
    promoteFrom = d;
    if (d == depth) return;
    JoinSlot s = slots[d];
    s.promoted = true;
    promoteFrom = d + 1;
    deque.push(s);
    pool.signalIfIdle();
  }

  /** xorshift: victim selection only. */
  int nextRandom() {
    int x = seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return seed = x;
  }

  boolean claim(Thread t) {
    return owner == null && OWNER.compareAndSet(this, null, t); // volatile CAS
  }

  /** Runs a stolen or helped task inside its own arena scope. */
  void runTask(Task t) {
    long mark = arena.mark();
    boolean refused = offersRefused;
    offersRefused = false; // the task asks afresh (a walk covers the whole stack, helped-over frames too)
    try {
      t.exec(this);
    } finally {
      offersRefused = refused;
    }
    arena.release(mark);
  }

  /**
   * Whether a class initializer is on the current thread's stack. A class, not lambdas: this is
   * reached when a region first offers work, and linking a lambda then costs milliseconds
   * ({@code StartupTest}).
   */
  private static final class ClassInitializer implements Function<Stream<StackWalker.StackFrame>, Boolean> {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ClassInitializer ON_STACK = new ClassInitializer();

    static boolean running() {
      return WALKER.walk(ON_STACK);
    }

    @Override
    public Boolean apply(Stream<StackWalker.StackFrame> frames) {
      // An iterator, not anyMatch: the stream's match operation links a lambda of the JDK's.
      for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
        if ("<clinit>".equals(it.next().getMethodName())) return true;
      }
      return false;
    }
  }

  static final VarHandle OWNER;

  static {
    try {
      OWNER = MethodHandles.lookup().findVarHandle(Participant.class, "owner", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
