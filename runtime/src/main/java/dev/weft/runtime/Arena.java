package dev.weft.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Memory a running task owns alone: privatised reduction views and scratch arrays. One arena per
 * worker (and per participating caller), recycled across tasks, so steady state allocates nothing.
 * Nothing here is shared while a task runs: views travel to the joiner with the task's completion
 * (happens-before through the task's status) and the joiner recycles them into its own arena.
 *
 * <p>Scratch arrays are bump-allocated from a per-worker stack of slabs: {@link #ints(int)} hands out
 * the next slab (growing it if it is too short) and the runtime resets the bump index when the chunk
 * or task that borrowed it ends, releasing everything it borrowed in bulk. Scratch contents are not
 * cleared. Limit: a borrowed slab is valid only until the current chunk returns.
 */
public final class Arena {
  // Padding: arenas of different workers are written concurrently; keep their hot fields apart.
  long q0, q1, q2, q3, q4, q5, q6, q7;

  private int[][] intSlabs = new int[4][];
  private long[][] longSlabs = new long[4][];
  private double[][] doubleSlabs = new double[4][];
  private int intTop, longTop, doubleTop;

  // Recycled reduction views and buffers, owner-only stacks.
  private final List<int[]> intViews = new ArrayList<>();
  private final List<long[]> longViews = new ArrayList<>();
  private final List<double[]> doubleViews = new ArrayList<>();
  private final List<List<?>> lists = new ArrayList<>();
  private final List<StringBuilder> builders = new ArrayList<>();

  long r0, r1, r2, r3, r4, r5, r6, r7;

  Arena() {}

  /** Borrows a scratch {@code int[]} of at least {@code minLength} elements until the current task ends. */
  public int[] ints(int minLength) {
    if (intTop == intSlabs.length) intSlabs = Arrays.copyOf(intSlabs, intTop * 2);
    int[] s = intSlabs[intTop];
    if (s == null || s.length < minLength) intSlabs[intTop] = s = new int[Math.max(minLength, 64)];
    intTop++;
    return s;
  }

  /** Borrows a scratch {@code long[]} of at least {@code minLength} elements until the current task ends. */
  public long[] longs(int minLength) {
    if (longTop == longSlabs.length) longSlabs = Arrays.copyOf(longSlabs, longTop * 2);
    long[] s = longSlabs[longTop];
    if (s == null || s.length < minLength) longSlabs[longTop] = s = new long[Math.max(minLength, 64)];
    longTop++;
    return s;
  }

  /** Borrows a scratch {@code double[]} of at least {@code minLength} elements until the current task ends. */
  public double[] doubles(int minLength) {
    if (doubleTop == doubleSlabs.length) doubleSlabs = Arrays.copyOf(doubleSlabs, doubleTop * 2);
    double[] s = doubleSlabs[doubleTop];
    if (s == null || s.length < minLength) doubleSlabs[doubleTop] = s = new double[Math.max(minLength, 64)];
    doubleTop++;
    return s;
  }

  /** The bump indices, packed; {@link #release} returns to them when a task ends. */
  long mark() {
    return ((long) intTop << 42) | ((long) longTop << 21) | doubleTop;
  }

  void release(long mark) {
    intTop = (int) (mark >>> 42);
    longTop = (int) (mark >>> 21) & 0x1F_FFFF;
    doubleTop = (int) mark & 0x1F_FFFF;
  }

  int[] intView(int length, int identity) {
    int[] v = pop(intViews, length);
    if (v == null) v = new int[length];
    Arrays.fill(v, identity);
    return v;
  }

  long[] longView(int length, long identity) {
    long[] v = pop(longViews, length);
    if (v == null) v = new long[length];
    Arrays.fill(v, identity);
    return v;
  }

  double[] doubleView(int length, double identity) {
    double[] v = pop(doubleViews, length);
    if (v == null) v = new double[length];
    Arrays.fill(v, identity);
    return v;
  }

  void recycle(int[] v) {
    if (intViews.size() < 8) intViews.add(v);
  }

  void recycle(long[] v) {
    if (longViews.size() < 8) longViews.add(v);
  }

  void recycle(double[] v) {
    if (doubleViews.size() < 8) doubleViews.add(v);
  }

  @SuppressWarnings("unchecked")
  <E> List<E> list() {
    int n = lists.size();
    return n == 0 ? new ArrayList<>() : (List<E>) lists.remove(n - 1);
  }

  void recycle(List<?> l) {
    l.clear();
    if (lists.size() < 8) lists.add(l);
  }

  StringBuilder builder() {
    int n = builders.size();
    return n == 0 ? new StringBuilder() : builders.remove(n - 1);
  }

  void recycle(StringBuilder sb) {
    sb.setLength(0);
    if (builders.size() < 8 && sb.capacity() <= 1 << 20) builders.add(sb);
  }

  private static <A> A pop(List<A> stack, int length) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      A a = stack.get(i);
      if (java.lang.reflect.Array.getLength(a) == length) return stack.remove(i);
    }
    return null;
  }
}
