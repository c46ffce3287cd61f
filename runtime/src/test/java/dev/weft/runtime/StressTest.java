package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 2^20 leaves reached through a random mix of joins, loops and reductions nested inside each other,
 * with exceptions injected at random leaves: every leaf below the first failure runs exactly once,
 * none runs twice, and the exception is the one the sequential program throws.
 */
class StressTest {
  private static final int LEAVES = 1 << 20;

  static Stream<WeftPool> pools() {
    return Stream.of(2, 4, 16).map(Pools::of);
  }

  static final class Leaf extends RuntimeException {
    final int index;

    Leaf(int index) {
      super("leaf " + index, null, false, false);
      this.index = index;
    }
  }

  private final int[] marks = new int[LEAVES];
  private int[] failing = new int[0];

  private long visit(int lo, int hi) {
    if (hi - lo == 1) {
      marks[lo]++;
      if (Arrays.binarySearch(failing, lo) >= 0) throw new Leaf(lo);
      return 1;
    }
    int mid = (lo + hi) >>> 1;
    switch (Math.floorMod((lo * 0x9E3779B9) ^ hi, 5)) {
      case 0:
      case 1:
        return Weft.joinLong(() -> visit(lo, mid), () -> visit(mid, hi), Long::sum);
      case 2:
        if (hi - lo <= 64) {
          long[] counts = new long[hi - lo];
          Weft.forRange(lo, hi, 100_000, (int a, int b) -> {
            for (int i = a; i < b; i++) counts[i - lo] = visit(i, i + 1);
          });
          return Arrays.stream(counts).sum();
        }
        return Weft.reduceLong(0, 4, 100_000_000, 0L, (a, b) -> {
          long s = 0;
          int q = (hi - lo) / 4;
          for (int k = a; k < b; k++) s += visit(lo + k * q, k == 3 ? hi : lo + (k + 1) * q);
          return s;
        }, Long::sum);
      case 3:
        int[] out = new int[2];
        Weft.invokeAll(() -> out[0] = (int) visit(lo, mid), () -> out[1] = (int) visit(mid, hi));
        return out[0] + out[1];
      default:
        return visit(lo, mid) + visit(mid, hi);
    }
  }

  @ParameterizedTest
  @MethodSource("pools")
  void noLostOrDuplicatedWork(WeftPool pool) {
    Random rnd = new Random(pool.parallelism());
    for (int round = 0; round < 4; round++) {
      Arrays.fill(marks, 0);
      failing = round == 0 ? new int[0] : rnd.ints(1 + rnd.nextInt(5), 0, LEAVES).sorted().toArray();
      if (failing.length == 0) {
        assertEquals(LEAVES, pool.joinLong(() -> visit(0, LEAVES / 2), () -> visit(LEAVES / 2, LEAVES), Long::sum));
        for (int i = 0; i < LEAVES; i++) assertEquals(1, marks[i], "leaf " + i);
        continue;
      }
      Leaf e = assertThrows(Leaf.class,
          () -> pool.joinLong(() -> visit(0, LEAVES / 2), () -> visit(LEAVES / 2, LEAVES), Long::sum));
      int first = failing[0];
      assertEquals(first, e.index);
      for (Throwable s : e.getSuppressed()) assertTrue(((Leaf) s).index > first);
      for (int i = 0; i < LEAVES; i++) {
        if (i <= first) assertEquals(1, marks[i], "leaf " + i);
        else assertTrue(marks[i] <= 1, "leaf " + i + " ran " + marks[i] + " times");
      }
    }
  }
}
