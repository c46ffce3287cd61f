package dev.weft.runtime;

/**
 * Regions that run while a class is being initialized ({@link ClassInitTest}): {@link Table}'s
 * static initializer fills an array with a parallel loop, sums it with a reduction and computes a
 * divide-and-conquer value, each through lambdas that are methods of {@link Table} and call its
 * static {@code square}. A task run on another thread would wait for the initializer to return,
 * and the initializer for the task.
 */
final class ClassInitProbe {
  private ClassInitProbe() {}

  static final class Table {
    static final int N = 200_000;
    static final int[] SQUARES = new int[N];
    static final long SUM;
    static final long FIB = fib(22);

    static {
      Weft.forRange(0, N, 10, (int lo, int hi) -> {
        for (int i = lo; i < hi; i++) SQUARES[i] = square(i);
      });
      SUM = Weft.reduceLong(0, N, 10, 0L, (lo, hi) -> {
        long s = 0;
        for (int i = lo; i < hi; i++) s += SQUARES[i];
        return s;
      }, Long::sum);
    }

    private Table() {}

    static int square(int i) {
      return (i % 1000) * (i % 1000);
    }

    static long fib(int n) {
      if (n < 2) return n;
      if (Weft.wantsWork()) return Weft.joinLong(() -> fib(n - 1), () -> fib(n - 2), Long::sum);
      return fib(n - 1) + fib(n - 2);
    }
  }

  public static void main(String[] args) {
    System.out.println(Table.SUM);
    System.out.println(Table.FIB);
    System.out.println(Table.SQUARES[N_LAST]);
  }

  private static final int N_LAST = Table.N - 1;
}
