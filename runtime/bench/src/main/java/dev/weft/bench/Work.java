package dev.weft.bench;

import dev.weft.runtime.Weft;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/** The workloads, shared by the JMH benchmarks and the quick run. */
final class Work {
  private Work() {}

  // ---- divide and conquer: fib with no cutoff -------------------------------------------------

  static int fibSeq(int n) {
    return n < 2 ? n : fibSeq(n - 1) + fibSeq(n - 2);
  }

  /** What the transformer emits: fork only when a worker asks for work. */
  static int fibWeft(int n) {
    if (n < 2) return n;
    if (Weft.wantsWork()) return Weft.joinInt(() -> fibWeft(n - 1), () -> fibWeft(n - 2), Integer::sum);
    return fibWeft(n - 1) + fibWeft(n - 2);
  }

  /** Every call joins: the cost of the join itself. */
  static int fibWeftAlways(int n) {
    if (n < 2) return n;
    return Weft.joinInt(() -> fibWeftAlways(n - 1), () -> fibWeftAlways(n - 2), Integer::sum);
  }

  static final class FibTask extends RecursiveTask<Integer> {
    final int n;

    FibTask(int n) {
      this.n = n;
    }

    @Override
    protected Integer compute() {
      if (n < 2) return n;
      FibTask f = new FibTask(n - 2);
      f.fork();
      return new FibTask(n - 1).compute() + f.join();
    }
  }

  static int fibFjp(ForkJoinPool pool, int n) {
    return pool.invoke(new FibTask(n));
  }

  /** fib(n) makes this many joins (internal nodes of the call tree). */
  static long fibJoins(int n) {
    return fibSeq(n + 1) - 1;
  }

  // ---- un-stolen joins: a flat loop of joins on every participant at once -----------------------

  static final IntSupplier ONE = () -> 1;
  static final IntBinaryOperator SUM = Integer::sum;

  static int joinLoop(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += Weft.joinInt(ONE, ONE, SUM);
    return s;
  }

  static final class One extends RecursiveTask<Integer> {
    @Override
    protected Integer compute() {
      return 1;
    }
  }

  static int fjpJoinLoop(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      One t = new One();
      t.fork();
      s += 1 + t.join();
    }
    return s;
  }

  // ---- a parallel loop with no grain ----------------------------------------------------------

  static int mix(int i) {
    int h = i * 0x9E3779B1;
    h ^= h >>> 15;
    h *= 0x85EBCA77;
    h ^= h >>> 13;
    h *= 0xC2B2AE3D;
    return h ^ (h >>> 16);
  }

  static void loopSeq(int[] out) {
    for (int i = 0; i < out.length; i++) out[i] = mix(i);
  }

  static void loopWeft(int[] out) {
    Weft.forRange(0, out.length, 4, (int lo, int hi) -> {
      for (int i = lo; i < hi; i++) out[i] = mix(i);
    });
  }

  static void loopStream(int[] out) {
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = mix(i));
  }

  static final class LoopTask extends RecursiveAction {
    final int[] out;
    final int lo;
    final int hi;
    final int grain;

    LoopTask(int[] out, int lo, int hi, int grain) {
      this.out = out;
      this.lo = lo;
      this.hi = hi;
      this.grain = grain;
    }

    @Override
    protected void compute() {
      if (hi - lo <= grain) {
        for (int i = lo; i < hi; i++) out[i] = mix(i);
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new LoopTask(out, lo, mid, grain), new LoopTask(out, mid, hi, grain));
    }
  }

  static void loopFjp(ForkJoinPool pool, int[] out, int grain) {
    pool.invoke(new LoopTask(out, 0, out.length, grain));
  }
}
