package dev.weft.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding before {@code top}: keeps the object header and neighbours off top's cache line. */
abstract class DequePad0 {
  long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** The thieves' end. */
abstract class DequeTop extends DequePad0 {
  volatile long top;
}

/** Two cache lines between top and bottom (adjacent-line prefetch pulls lines in pairs). */
abstract class DequePad1 extends DequeTop {
  long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** The owner's end: written only by the owner, read by thieves. */
abstract class DequeBottom extends DequePad1 {
  long bottom;
}

abstract class DequePad2 extends DequeBottom {
  long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}

/**
 * The Chase–Lev work-stealing deque (Chase and Lev, "Dynamic Circular Work-Stealing Deque", SPAA
 * 2005) with the memory orderings proved correct by Lê, Pop, Cohen and Zappa Nardelli ("Correct and
 * Efficient Work-Stealing for Weak Memory Models", PPoPP 2013), expressed with VarHandles: C11
 * relaxed is opaque, acquire/release are getAcquire/setRelease and the release fence, seq_cst fences
 * are {@link VarHandle#fullFence()} and the CAS on top is a volatile compareAndSet.
 *
 * <p>The owner pushes and takes at {@code bottom}; thieves steal at {@code top}. Indices only grow,
 * so an index is never reused and a recycled task object pushed again cannot be confused with its
 * earlier push (no ABA). The owner clears the slots it takes back; a thief clears the slot it stole
 * with a CAS from the task to null, which fails harmlessly if the owner has since reused the slot
 * for another task (the same recycled task cannot come back before the thief has run it). Without
 * it a stale slot keeps a finished task, and everything its lambda captured, alive until the slot is
 * reused: a program that runs many loops over fresh arrays kept about 64 of them reachable.
 *
 * <p>Every push and every successful removal updates the pool-wide count of tasks on offer
 * ({@link WeftPool#offered}), which the fork decision subtracts from the idle count (participants'
 * deques only).
 */
final class TaskDeque extends DequePad2 {
  /** Returned by {@link #steal} when it lost a race: the deque may still hold tasks. */
  static final Task ABORT = new Task() {
    @Override
    void compute(Participant p) {}
  };

  private static final int INITIAL_CAPACITY = 1 << 6;

  Task[] array = new Task[INITIAL_CAPACITY]; // owner writes with release (grow); thieves read acquire
  /** A participant's deque reports its offers to the pool; a free-standing one (tests) does not. */
  private final boolean counted;

  TaskDeque() {
    this(false);
  }

  TaskDeque(boolean counted) {
    this.counted = counted;
  }

  /** Owner only. */
  void push(Task x) {
    long b = (long) BOTTOM.getOpaque(this); // relaxed: only the owner writes bottom
    long t = (long) TOP.getAcquire(this); // acquire
    Task[] a = array; // owner's own write
    if (b - t > a.length - 1) a = grow(a, t, b);
    ELEMENT.setOpaque(a, (int) b & (a.length - 1), x); // relaxed
    VarHandle.releaseFence(); // release: publishes the task before the new bottom
    BOTTOM.setOpaque(this, b + 1); // relaxed
    if (counted) WeftPool.offered(1);
  }

  /** Owner only: the most recently pushed task, or null when empty or lost to a thief. */
  Task take() {
    long b = (long) BOTTOM.getOpaque(this) - 1; // relaxed
    Task[] a = array;
    BOTTOM.setOpaque(this, b); // relaxed
    VarHandle.fullFence(); // seq_cst: orders the bottom store before the top load (vs steal)
    long t = (long) TOP.getOpaque(this); // relaxed
    if (t > b) {
      BOTTOM.setOpaque(this, b + 1); // relaxed: was empty
      return null;
    }
    int i = (int) b & (a.length - 1);
    Task x = (Task) ELEMENT.getOpaque(a, i); // relaxed
    if (t == b) { // last element: race the thieves for it
      if (!TOP.compareAndSet(this, t, t + 1)) x = null; // seq_cst CAS
      BOTTOM.setOpaque(this, b + 1); // relaxed
      if (x != null) {
        ELEMENT.setOpaque(a, i, null); // relaxed: slot is ours again
        if (counted) WeftPool.offered(-1);
      }
      return x;
    }
    ELEMENT.setOpaque(a, i, null); // relaxed: below top, no thief can read it
    if (counted) WeftPool.offered(-1);
    return x;
  }

  /**
   * Owner only: takes back {@code x} if it is still the bottom task. Because joins nest strictly,
   * a task the owner pushed is either at the bottom or was stolen.
   */
  boolean takeIf(Task x) {
    long b = (long) BOTTOM.getOpaque(this) - 1; // relaxed
    Task[] a = array;
    int i = (int) b & (a.length - 1);
    if (ELEMENT.getOpaque(a, i) != x) return false; // relaxed: only the owner writes slots
    BOTTOM.setOpaque(this, b); // relaxed
    VarHandle.fullFence(); // seq_cst: as in take
    long t = (long) TOP.getOpaque(this); // relaxed
    if (t > b) {
      BOTTOM.setOpaque(this, b + 1); // relaxed: it was stolen
      return false;
    }
    if (t == b) {
      boolean won = TOP.compareAndSet(this, t, t + 1); // seq_cst CAS
      BOTTOM.setOpaque(this, b + 1); // relaxed
      if (!won) return false;
    }
    ELEMENT.setOpaque(a, i, null); // relaxed
    if (counted) WeftPool.offered(-1);
    return true;
  }

  /** Any thread: the oldest task, null when empty, or {@link #ABORT} after losing a race. */
  Task steal() {
    long t = (long) TOP.getAcquire(this); // acquire
    VarHandle.fullFence(); // seq_cst: orders the top load before the bottom load (vs take)
    long b = (long) BOTTOM.getAcquire(this); // acquire: pairs with the release fence in push
    if (t >= b) return null;
    Task[] a = (Task[]) ARRAY.getAcquire(this); // acquire (C11 consume)
    Task x = (Task) ELEMENT.getOpaque(a, (int) t & (a.length - 1)); // relaxed
    if (!TOP.compareAndSet(this, t, t + 1)) return ABORT; // seq_cst CAS
    boolean unused = ELEMENT.compareAndSet(a, (int) t & (a.length - 1), x, (Task) null); // CAS: fails if the owner reused the slot
    if (counted) WeftPool.offered(-1);
    return x;
  }

  /** Approximate size, for wake-up heuristics only. */
  long size() {
    return (long) BOTTOM.getOpaque(this) - (long) TOP.getOpaque(this); // relaxed, racy by design
  }

  private Task[] grow(Task[] old, long t, long b) {
    Task[] a = new Task[old.length << 1];
    for (long k = t; k < b; k++) a[(int) k & (a.length - 1)] = old[(int) k & (old.length - 1)];
    ARRAY.setRelease(this, a); // release: publishes the copied slots to thieves
    return a;
  }

  private static final VarHandle TOP;
  private static final VarHandle BOTTOM;
  private static final VarHandle ARRAY;
  private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Task[].class);

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      TOP = l.findVarHandle(DequeTop.class, "top", long.class);
      BOTTOM = l.findVarHandle(DequeBottom.class, "bottom", long.class);
      ARRAY = l.findVarHandle(TaskDeque.class, "array", Task[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
