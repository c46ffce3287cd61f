package dev.weft.runtime;

import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;

/**
 * A program's first calls into the runtime, written without lambdas or string concatenation (both
 * link call sites through {@code java.lang.invoke}) so that {@link StartupTest} sees only what the
 * runtime itself links: the pool's start, a join, a loop and an {@code int} reduction.
 */
final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) {
    WeftPool.common();
    long sum = Weft.joinLong(new LongSupplier() {
      @Override
      public long getAsLong() {
        return 1;
      }
    }, new LongSupplier() {
      @Override
      public long getAsLong() {
        return 2;
      }
    }, new LongBinaryOperator() {
      @Override
      public long applyAsLong(long a, long b) {
        return a + b;
      }
    });
    int[] squares = new int[1000];
    Weft.forRange(0, squares.length, 1, new IntRangeBody() {
      @Override
      public void run(int lo, int hi) {
        for (int i = lo; i < hi; i++) squares[i] = i * i;
      }
    });
    int total = Weft.reduceInt(0, squares.length, 1, 0, new IntRangeToInt() {
      @Override
      public int apply(int lo, int hi) {
        int s = 0;
        for (int i = lo; i < hi; i++) s += squares[i];
        return s;
      }
    }, new IntBinaryOperator() {
      @Override
      public int applyAsInt(int a, int b) {
        return a + b;
      }
    });
    System.out.println(sum);
    System.out.println(total);
  }
}
