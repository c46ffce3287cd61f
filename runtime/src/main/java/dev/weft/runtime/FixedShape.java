package dev.weft.runtime;

import java.util.function.DoubleBinaryOperator;

/**
 * Floating-point reductions whose result does not depend on scheduling: the range is cut into leaves
 * whose bounds depend only on {@code from} and {@code to}, and leaf results are combined by a balanced
 * binary tree over the leaf indices (node [a, b) = combine(node [a, mid), node [mid, b)), mid = (a + b)
 * / 2). Every parallelism, and every steal, evaluates the same tree, so the bits are the same. Forks
 * happen at tree nodes on the heartbeat test, as in divide-and-conquer code.
 */
final class FixedShape {
  private FixedShape() {}

  /** Leaves of a scalar reduction: at least 256 iterations, at most 4096 leaves. */
  static long scalarLeaf(long n) {
    return Math.max(256, (n + 4095) / 4096);
  }

  /** Leaves of an array reduction hold a whole view each: at least 4096 iterations, at most 64 leaves. */
  static long arrayLeaf(long n) {
    return Math.max(4096, (n + 63) / 64);
  }

  /** Lowest failed leaf, so leaves above it can be skipped. */
  abstract static class Job {
    final int from;
    final int to;
    final long leaf;
    final int leaves;
    volatile int failedLeaf = Integer.MAX_VALUE; // racy min: a hint for skipping, written rarely

    Job(int from, int to, long leaf) {
      this.from = from;
      this.to = to;
      this.leaf = leaf;
      this.leaves = (int) (((long) to - from + leaf - 1) / leaf);
    }

    int leafLo(int i) {
      return (int) (from + i * leaf);
    }

    int leafHi(int i) {
      return (int) Math.min(to, from + (i + 1) * leaf);
    }

    void failed(int i) {
      int f;
      while (i < (f = failedLeaf)) {
        if (FAILED_LEAF.compareAndSet(this, f, i)) return; // volatile CAS: keep the minimum
      }
    }

    static final java.lang.invoke.VarHandle FAILED_LEAF;

    static {
      try {
        FAILED_LEAF = java.lang.invoke.MethodHandles.lookup().findVarHandle(Job.class, "failedLeaf", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  static final class Reduce extends Job {
    private final IntRangeToDouble chunk;
    private final DoubleBinaryOperator combiner;

    Reduce(int from, int to, IntRangeToDouble chunk, DoubleBinaryOperator combiner) {
      super(from, to, scalarLeaf((long) to - from));
      this.chunk = chunk;
      this.combiner = combiner;
    }

    double root(Participant p) {
      return node(p, 0, leaves);
    }

    double node(Participant p, int a, int b) {
      if (b - a == 1) {
        if (a > failedLeaf) return 0; // a lower leaf failed: this value is never used
        try {
          return chunk.apply(leafLo(a), leafHi(a));
        } catch (Throwable e) {
          failed(a);
          throw e;
        }
      }
      int mid = (a + b) >>> 1;
      if (p == null || !WeftPool.idleWanted() || !p.mayOffer()) return combiner.applyAsDouble(node(p, a, mid), node(p, mid, b));
      Node right = new Node(this, mid, b);
      p.deque.push(right);
      p.pool.signalIfIdle();
      double l;
      try {
        l = node(p, a, mid);
      } catch (Throwable e) {
        if (!p.deque.takeIf(right)) {
          p.pool.awaitDone(p, right);
          if (right.failure != null && right.failure != e) e.addSuppressed(right.failure);
        }
        throw e;
      }
      double r;
      if (p.deque.takeIf(right)) {
        r = node(p, mid, b);
      } else {
        p.pool.awaitDone(p, right);
        if (right.failure != null) throw Weft.rethrow(right.failure);
        r = right.result;
      }
      return combiner.applyAsDouble(l, r);
    }

    static final class Node extends Task {
      final Reduce job;
      final int a;
      final int b;
      double result;

      Node(Reduce job, int a, int b) {
        this.job = job;
        this.a = a;
        this.b = b;
      }

      @Override
      void compute(Participant p) {
        result = job.node(p, a, b);
      }
    }
  }

  static final class Accumulate extends Job {
    private final int length;
    private final double identity;
    private final DoubleBinaryOperator op;
    private final IntRangeInto<double[]> body;

    Accumulate(int from, int to, double[] target, double identity, DoubleBinaryOperator op, IntRangeInto<double[]> body) {
      super(from, to, arrayLeaf((long) to - from));
      this.length = target.length;
      this.identity = identity;
      this.op = op;
      this.body = body;
    }

    double[] root(Participant p) {
      return node(p, 0, leaves);
    }

    private double[] view(Participant p) {
      if (p != null) return p.arena.doubleView(length, identity);
      double[] v = new double[length];
      java.util.Arrays.fill(v, identity);
      return v;
    }

    /** Folds {@code right} into {@code left} element-wise and recycles it. */
    private double[] fold(Participant p, double[] left, double[] right) {
      for (int k = 0; k < left.length; k++) left[k] = op.applyAsDouble(left[k], right[k]);
      if (p != null) p.arena.recycle(right);
      return left;
    }

    double[] node(Participant p, int a, int b) {
      if (b - a == 1) {
        double[] v = view(p);
        if (a > failedLeaf) return v;
        try {
          body.run(leafLo(a), leafHi(a), v);
        } catch (Throwable e) {
          failed(a);
          throw e;
        }
        return v;
      }
      int mid = (a + b) >>> 1;
      if (p == null || !WeftPool.idleWanted() || !p.mayOffer()) {
        double[] l = node(p, a, mid);
        return fold(p, l, node(p, mid, b));
      }
      Node right = new Node(this, mid, b);
      p.deque.push(right);
      p.pool.signalIfIdle();
      double[] l;
      try {
        l = node(p, a, mid);
      } catch (Throwable e) {
        if (!p.deque.takeIf(right)) {
          p.pool.awaitDone(p, right);
          if (right.failure != null && right.failure != e) e.addSuppressed(right.failure);
        }
        throw e;
      }
      double[] r;
      if (p.deque.takeIf(right)) {
        r = node(p, mid, b);
      } else {
        p.pool.awaitDone(p, right);
        if (right.failure != null) throw Weft.rethrow(right.failure);
        r = right.result;
      }
      return fold(p, l, r);
    }

    static final class Node extends Task {
      final Accumulate job;
      final int a;
      final int b;
      double[] result;

      Node(Accumulate job, int a, int b) {
        this.job = job;
        this.a = a;
        this.b = b;
      }

      @Override
      void compute(Participant p) {
        result = job.node(p, a, b);
      }
    }
  }
}
