package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up ({@link Warmup}): a region that spends the budget in its first chunk runs that chunk
 * on the calling thread and hands the rest of its range to the pool at the chunk boundary; every
 * kind of region must end exactly as the sequential loop does, and an exception in the prefix is
 * the one thrown. The first chunk burns 3 ms of a 2 ms budget, so the hand-over happens after it
 * (results are compared, not times: a region that handed over earlier or later is still correct).
 */
class WarmupTest {
  private static final int N = 20_000;
  private static final long BUDGET_NS = 2_000_000;

  @AfterEach
  void poolInUse() {
    Warmup.end(); // as every other test expects: the pool is started
  }

  /** Index {@code i}'s value; index {@code from} also spends the warm-up budget. */
  private static int f(int i, int from) {
    if (i == from) {
      long until = System.nanoTime() + 2 * BUDGET_NS;
      while (System.nanoTime() < until) Thread.onSpinWait();
    }
    return Integer.rotateLeft(i * 0x9E3779B1, 7) % 1000;
  }

  private static void restart() {
    WeftPool.common(); // started first, so that only the test's restart decides the warm-up
    Warmup.restart(BUDGET_NS);
  }

  @Test
  void loopsHandTheRestOfTheirRangeToThePool() {
    int[] seq = new int[N];
    for (int i = 0; i < N; i++) seq[i] = f(i, -1) * 3;
    restart();
    int[] par = new int[N];
    AtomicInteger chunks = new AtomicInteger();
    Thread caller = Thread.currentThread();
    AtomicInteger firstChunkEnd = new AtomicInteger(-1);
    Weft.forRange(0, N, 100, (int lo, int hi) -> {
      chunks.incrementAndGet();
      if (lo == 0 && Thread.currentThread() == caller) firstChunkEnd.set(hi);
      for (int i = lo; i < hi; i++) par[i] = f(i, 0) * 3;
    });
    assertEquals(java.util.Arrays.toString(seq), java.util.Arrays.toString(par));
    assertTrue(firstChunkEnd.get() > 0 && firstChunkEnd.get() < N, "the first chunk ran alone: it ended at " + firstChunkEnd.get());
    assertTrue(chunks.get() > 1);

    long[] lseq = new long[N];
    for (int i = 0; i < N; i++) lseq[i] = f(i, -1) + 7L;
    restart();
    long[] lpar = new long[N];
    Weft.forRange(0L, N, 100, (long lo, long hi) -> {
      for (long i = lo; i < hi; i++) lpar[(int) i] = f((int) i, 0) + 7L;
    });
    assertEquals(java.util.Arrays.toString(lseq), java.util.Arrays.toString(lpar));
  }

  @Test
  void reductionsCombineThePrefixBeforeTheRest() {
    long sum = 0;
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < N; i++) {
      sum += f(i, -1);
      if (i % 1000 == 0) order.append(i).append(',');
    }
    long expected = sum;
    restart();
    assertEquals((int) expected, Weft.reduceInt(0, N, 100, 0, (lo, hi) -> {
      int s = 0;
      for (int i = lo; i < hi; i++) s += f(i, 0);
      return s;
    }, Integer::sum));
    restart();
    assertEquals(expected, Weft.reduceLong(0, N, 100, 0L, (lo, hi) -> {
      long s = 0;
      for (int i = lo; i < hi; i++) s += f(i, 0);
      return s;
    }, Long::sum));
    restart();
    assertEquals((int) expected, Weft.reduceIntOverLongRange(0L, N, 100, 0, (lo, hi) -> {
      int s = 0;
      for (long i = lo; i < hi; i++) s += f((int) i, 0);
      return s;
    }, Integer::sum));
    restart();
    assertEquals(expected, Weft.reduceLongOverLongRange(0L, N, 100, 0L, (lo, hi) -> {
      long s = 0;
      for (long i = lo; i < hi; i++) s += f((int) i, 0);
      return s;
    }, Long::sum));
    // A non-commutative reduction: the prefix's partial must come first.
    restart();
    assertEquals(order.toString(), Weft.reduce(0, N, 100, StringBuilder::new, (lo, hi) -> {
      StringBuilder b = new StringBuilder();
      for (int i = lo; i < hi; i++) if (f(i, 0) != Integer.MIN_VALUE && i % 1000 == 0) b.append(i).append(',');
      return b;
    }, StringBuilder::append).toString());
    restart();
    assertEquals(order.toString(), Weft.reduceOverLongRange(0L, N, 100, StringBuilder::new, (lo, hi) -> {
      StringBuilder b = new StringBuilder();
      for (long i = lo; i < hi; i++) if (f((int) i, 0) != Integer.MIN_VALUE && i % 1000 == 0) b.append(i).append(',');
      return b;
    }, StringBuilder::append).toString());
  }

  @Test
  void arenasWriteTheTargetInIndexOrder() {
    int[] hist = new int[10];
    long[] lhist = new long[10];
    List<Integer> list = new ArrayList<>(List.of(-1));
    StringBuilder text = new StringBuilder(">");
    Map<Integer, Long> keyed = new HashMap<>();
    Map<Integer, Long> updated = new HashMap<>(Map.of(3, 100L));
    for (int i = 0; i < N; i++) {
      int v = f(i, -1);
      hist[Math.floorMod(v, 10)]++;
      lhist[Math.floorMod(v, 10)] += v;
      if (v % 7 == 0) list.add(i);
      if (v % 11 == 0) text.append(i).append(';');
      keyed.merge(Math.floorMod(v, 13) * 0x61C88647 >>> 7, (long) i, Long::sum);
      int k = Math.floorMod(v, 17);
      updated.put(k, updated.getOrDefault(k, 0L) + v);
    }
    int[] phist = new int[10];
    restart();
    Weft.accumulate(0, N, 100, phist, 0, Integer::sum, (lo, hi, h) -> {
      for (int i = lo; i < hi; i++) h[Math.floorMod(f(i, 0), 10)]++;
    });
    assertEquals(java.util.Arrays.toString(hist), java.util.Arrays.toString(phist));
    long[] plhist = new long[10];
    restart();
    Weft.accumulate(0, N, 100, plhist, 0L, Long::sum, (lo, hi, h) -> {
      for (int i = lo; i < hi; i++) {
        int v = f(i, 0);
        h[Math.floorMod(v, 10)] += v;
      }
    });
    assertEquals(java.util.Arrays.toString(lhist), java.util.Arrays.toString(plhist));
    List<Integer> plist = new ArrayList<>(List.of(-1));
    restart();
    Weft.appendOrdered(0, N, 100, plist, (lo, hi, out) -> {
      for (int i = lo; i < hi; i++) if (f(i, 0) % 7 == 0) out.add(i);
    });
    assertEquals(list, plist);
    StringBuilder ptext = new StringBuilder(">");
    restart();
    Weft.appendOrdered(0, N, 100, ptext, (lo, hi, out) -> {
      for (int i = lo; i < hi; i++) if (f(i, 0) % 11 == 0) out.append(i).append(';');
    });
    assertEquals(text.toString(), ptext.toString());
    Map<Integer, Long> pkeyed = new HashMap<>();
    restart();
    Weft.mergeKeyed(0, N, 100, pkeyed, Long::sum, (lo, hi, m) -> {
      for (int i = lo; i < hi; i++) m.merge(Math.floorMod(f(i, 0), 13) * 0x61C88647 >>> 7, (long) i, Long::sum);
    });
    assertEquals(keyed.toString(), pkeyed.toString());
    Map<Integer, Long> pupdated = new HashMap<>(Map.of(3, 100L));
    restart();
    Weft.updateKeyed(0, N, 100, pupdated, Long::sum, (lo, hi, m) -> {
      for (int i = lo; i < hi; i++) {
        int k = Math.floorMod(f(i, 0), 17);
        m.put(k, m.getOrDefault(k, 0L) + f(i, -1));
      }
    });
    assertEquals(updated.toString(), pupdated.toString());
  }

  @Test
  void anExceptionInThePrefixIsTheOneThrownAndNothingAfterItRuns() {
    restart();
    AtomicInteger after = new AtomicInteger();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.forRange(0, N, 100, (int lo, int hi) -> {
      for (int i = lo; i < hi; i++) {
        if (i == 5) throw new IllegalStateException("at 5");
        if (i > 5) after.incrementAndGet();
        if (i == N - 1) throw new IllegalStateException("at the end");
      }
    }));
    assertEquals("at 5", e.getMessage());
    assertEquals(0, after.get());
  }
}
