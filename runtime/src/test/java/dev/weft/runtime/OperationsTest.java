package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation against the sequential loop it replaces, over random ranges and work estimates. */
class OperationsTest {
  static Stream<WeftPool> pools() {
    return Pools.all();
  }

  private static final long[] WORKS = {0, 1, 50, 100_000};

  /** Random [from, to) pairs, some empty, some below the inline threshold, some large. */
  private static int[][] ranges(long seed) {
    Random r = new Random(seed);
    int[][] out = new int[24][];
    for (int k = 0; k < out.length; k++) {
      int from = r.nextInt(2000) - 1000;
      int len = switch (k % 4) {
        case 0 -> r.nextInt(3);
        case 1 -> r.nextInt(100);
        case 2 -> r.nextInt(20_000);
        default -> 100_000 + r.nextInt(300_000);
      };
      out[k] = new int[] {from, from + len};
    }
    return out;
  }

  private static int f(int i) {
    return i * 0x9E3779B1 + (i >>> 3);
  }

  @ParameterizedTest
  @MethodSource("pools")
  void forRangeVisitsEveryIndexOnce(WeftPool pool) {
    int k = 0;
    for (int[] r : ranges(1)) {
      int from = r[0], to = r[1];
      int[] seen = new int[to - from];
      pool.forRange(from, to, WORKS[k++ % WORKS.length], (int lo, int hi) -> {
        for (int i = lo; i < hi; i++) seen[i - from]++;
      });
      int[] ones = new int[to - from];
      java.util.Arrays.fill(ones, 1);
      assertArrayEquals(ones, seen, "range " + from + ".." + to);
    }
  }

  @ParameterizedTest
  @MethodSource("pools")
  void forLongRangeVisitsEveryIndexOnce(WeftPool pool) {
    long base = Long.MAX_VALUE - 500_000;
    int[] seen = new int[400_000];
    pool.forRange(base, base + seen.length, 1, (long lo, long hi) -> {
      for (long i = lo; i < hi; i++) seen[(int) (i - base)]++;
    });
    for (int i = 0; i < seen.length; i++) assertEquals(1, seen[i], "index " + i);
  }

  @ParameterizedTest
  @MethodSource("pools")
  void scalarReductionsMatchSequential(WeftPool pool) {
    int k = 0;
    for (int[] r : ranges(2)) {
      int from = r[0], to = r[1];
      long work = WORKS[k++ % WORKS.length];
      int seqInt = 0;
      long seqLong = 0;
      int seqMax = Integer.MIN_VALUE;
      for (int i = from; i < to; i++) {
        seqInt += f(i);
        seqLong += (long) f(i) * i;
        seqMax = Math.max(seqMax, f(i));
      }
      assertEquals(seqInt, pool.reduceInt(from, to, work, 0, (lo, hi) -> {
        int s = 0;
        for (int i = lo; i < hi; i++) s += f(i);
        return s;
      }, Integer::sum));
      assertEquals(seqMax, pool.reduceInt(from, to, work, Integer.MIN_VALUE, (lo, hi) -> {
        int m = Integer.MIN_VALUE;
        for (int i = lo; i < hi; i++) m = Math.max(m, f(i));
        return m;
      }, Math::max));
      assertEquals(seqLong, pool.reduceLong(from, to, work, 0L, (lo, hi) -> {
        long s = 0;
        for (int i = lo; i < hi; i++) s += (long) f(i) * i;
        return s;
      }, Long::sum));
    }
  }

  private static long g(long i) {
    return i * 0x9E3779B97F4A7C15L + (i >>> 7);
  }

  /** Long ranges: near Long.MAX_VALUE, near Long.MIN_VALUE, across zero, empty and reversed. */
  private static final long[][] LONG_RANGES = {
    {Long.MAX_VALUE - 300_000, Long.MAX_VALUE},
    {Long.MAX_VALUE - 5, Long.MAX_VALUE},
    {Long.MIN_VALUE, Long.MIN_VALUE + 250_000},
    {-150_000, 170_000},
    {-40, -3},
    {7, 7},
    {9, 2},
    {Long.MAX_VALUE, Long.MIN_VALUE},
  };

  @ParameterizedTest
  @MethodSource("pools")
  void longRangeReductionsMatchSequential(WeftPool pool) {
    int k = 0;
    for (long[] r : LONG_RANGES) {
      long from = r[0], to = r[1];
      long work = WORKS[k++ % WORKS.length];
      int seqInt = 0;
      long seqLong = 0;
      int seqMin = Integer.MAX_VALUE;
      for (long i = from; i < to; i++) {
        seqInt += (int) g(i);
        seqLong += g(i) % 7;
        seqMin = Math.min(seqMin, (int) (g(i) >>> 40));
      }
      String where = "range " + from + ".." + to;
      assertEquals(seqInt, pool.reduceIntOverLongRange(from, to, work, 0, (lo, hi) -> {
        int s = 0;
        for (long i = lo; i < hi; i++) s += (int) g(i);
        return s;
      }, Integer::sum), where);
      assertEquals(seqMin, pool.reduceIntOverLongRange(from, to, work, Integer.MAX_VALUE, (lo, hi) -> {
        int m = Integer.MAX_VALUE;
        for (long i = lo; i < hi; i++) m = Math.min(m, (int) (g(i) >>> 40));
        return m;
      }, Math::min), where);
      assertEquals(seqLong, pool.reduceLongOverLongRange(from, to, work, 0L, (lo, hi) -> {
        long s = 0;
        for (long i = lo; i < hi; i++) s += g(i) % 7;
        return s;
      }, Long::sum), where);
      long span = Math.max(0, Math.min(to - from, 50_000));
      StringBuilder seq = new StringBuilder();
      for (long i = from; i < from + span; i++) seq.append((char) ('a' + Math.floorMod(i, 26)));
      assertEquals(seq.toString(), pool.reduceOverLongRange(from, from + span, 3, () -> "", (lo, hi) -> {
        StringBuilder sb = new StringBuilder();
        for (long i = lo; i < hi; i++) sb.append((char) ('a' + Math.floorMod(i, 26)));
        return sb.toString();
      }, String::concat), where);
    }
  }

  /** The first and last index a partial covers; {@code gaps} counts combines of non-adjacent partials. */
  private record Cover(long first, long end, int gaps, boolean empty) {
    static final Cover NONE = new Cover(0, 0, 0, true);

    Cover then(Cover right) {
      if (empty) return right;
      if (right.empty) return this;
      return new Cover(first, right.end, gaps + right.gaps + (end == right.first ? 0 : 1), false);
    }
  }

  @Test
  void longRangeReductionSplitsARangeWiderThanLongMaxValue() {
    // 2^64 - 2 iterations cannot run one by one: each chunk stands for its range, and the fold
    // checks the chunks tile the range in index order. One pool, one call: even with chunks of
    // 2^40 iterations this is 2^24 chunks (seconds).
    long from = Long.MIN_VALUE + 1, to = Long.MAX_VALUE - 1;
    assertEquals(new Cover(from, to, 0, false), Pools.of(2).reduceOverLongRange(
        from, to, Long.MAX_VALUE, () -> Cover.NONE, (lo, hi) -> new Cover(lo, hi, 0, false), Cover::then));
  }

  @Test
  void longForRangeSplitsARangeWiderThanLongMaxValue() {
    // The same range for forRange(long, long): it once split such a range at a wrong midpoint when
    // `from` was negative and recursed until the stack overflowed. Chunk widths are summed modulo
    // 2^64 (the range's width, 2^64 - 2, is -2 there) and the extreme bounds kept.
    long from = Long.MIN_VALUE + 1, to = Long.MAX_VALUE - 1;
    java.util.concurrent.atomic.AtomicLong width = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong lowest = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    java.util.concurrent.atomic.AtomicLong highest = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
    Pools.of(2).forRange(from, to, Long.MAX_VALUE, (long lo, long hi) -> {
      width.addAndGet(hi - lo);
      lowest.accumulateAndGet(lo, Math::min);
      highest.accumulateAndGet(hi, Math::max);
    });
    assertEquals(to - from, width.get());
    assertEquals(from, lowest.get());
    assertEquals(to, highest.get());
  }

  @ParameterizedTest
  @MethodSource("pools")
  void genericReductionKeepsIndexOrder(WeftPool pool) {
    for (int[] r : ranges(3)) {
      int from = r[0], to = Math.min(r[1], r[0] + 50_000);
      StringBuilder seq = new StringBuilder();
      for (int i = from; i < to; i++) seq.append((char) ('a' + Math.floorMod(i, 26)));
      String par = pool.reduce(from, to, 3, () -> "", (lo, hi) -> {
        StringBuilder sb = new StringBuilder();
        for (int i = lo; i < hi; i++) sb.append((char) ('a' + Math.floorMod(i, 26)));
        return sb.toString();
      }, String::concat);
      assertEquals(seq.toString(), par);
    }
  }

  private static double sumRange(int lo, int hi) {
    double s = 0;
    for (int i = lo; i < hi; i++) s += 1.0 / (1 + (long) i * i) + Math.sin(i) * 1e-3;
    return s;
  }

  @ParameterizedTest
  @MethodSource("pools")
  void doubleReductionIsBitIdenticalAcrossParallelism(WeftPool pool) {
    for (int[] r : ranges(4)) {
      int from = r[0], to = r[1];
      double reference = Pools.of(1).reduceDouble(from, to, 20, 0.0, OperationsTest::sumRange, Double::sum);
      for (int rep = 0; rep < 3; rep++) {
        double got = pool.reduceDouble(from, to, 20, 0.0, OperationsTest::sumRange, Double::sum);
        assertEquals(Double.doubleToRawLongBits(reference), Double.doubleToRawLongBits(got), "range " + from + ".." + to);
      }
      if (to - from <= 256) assertEquals(sumRange(from, to) + 0.0, reference); // one leaf: the sequential loop
    }
  }

  @ParameterizedTest
  @MethodSource("pools")
  void arrayAccumulateMatchesSequential(WeftPool pool) {
    int k = 0;
    for (int[] r : ranges(5)) {
      int from = r[0], to = r[1];
      long work = WORKS[k++ % WORKS.length];
      int[] seqI = new int[37];
      long[] seqL = new long[11];
      for (int i = from; i < to; i++) {
        seqI[Math.floorMod(f(i), 37)] += 1;
        seqL[Math.floorMod(i, 11)] += f(i);
      }
      int[] parI = new int[37];
      long[] parL = new long[11];
      pool.accumulate(from, to, work, parI, 0, Integer::sum, (lo, hi, h) -> {
        for (int i = lo; i < hi; i++) h[Math.floorMod(f(i), 37)] += 1;
      });
      pool.accumulate(from, to, work, parL, 0L, Long::sum, (lo, hi, h) -> {
        for (int i = lo; i < hi; i++) h[Math.floorMod(i, 11)] += f(i);
      });
      assertArrayEquals(seqI, parI);
      assertArrayEquals(seqL, parL);

      double[] ref = new double[7];
      Pools.of(1).accumulate(from, to, work, ref, 0.0, Double::sum, (lo, hi, h) -> {
        for (int i = lo; i < hi; i++) h[i & 3] += Math.sqrt(Math.abs((double) i));
      });
      double[] got = new double[7];
      pool.accumulate(from, to, work, got, 0.0, Double::sum, (lo, hi, h) -> {
        for (int i = lo; i < hi; i++) h[i & 3] += Math.sqrt(Math.abs((double) i));
      });
      for (int b = 0; b < ref.length; b++) {
        assertEquals(Double.doubleToRawLongBits(ref[b]), Double.doubleToRawLongBits(got[b]), "bin " + b);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("pools")
  void orderedAppendsMatchSequential(WeftPool pool) {
    for (int[] r : ranges(6)) {
      int from = r[0], to = r[1];
      List<Integer> seq = new ArrayList<>(List.of(-7));
      StringBuilder seqSb = new StringBuilder("x");
      for (int i = from; i < to; i++) {
        if (f(i) % 3 == 0) seq.add(i);
        if (i % 5 == 0) seqSb.append(i).append(',');
      }
      List<Integer> par = new ArrayList<>(List.of(-7));
      pool.appendOrdered(from, to, 4, par, (lo, hi, out) -> {
        for (int i = lo; i < hi; i++) if (f(i) % 3 == 0) out.add(i);
      });
      StringBuilder parSb = new StringBuilder("x");
      pool.appendOrdered(from, to, 4, parSb, (lo, hi, out) -> {
        for (int i = lo; i < hi; i++) if (i % 5 == 0) out.append(i).append(',');
      });
      assertEquals(seq, par);
      assertEquals(seqSb.toString(), parSb.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("pools")
  void keyedMergeKeepsInsertionOrder(WeftPool pool) {
    for (int[] r : ranges(7)) {
      int from = r[0], to = r[1];
      Map<Integer, Long> seq = new LinkedHashMap<>(Map.of(5, 100L));
      for (int i = from; i < to; i++) seq.merge(Math.floorMod(f(i), 997), (long) i, Long::sum);
      Map<Integer, Long> par = new LinkedHashMap<>(Map.of(5, 100L));
      pool.mergeKeyed(from, to, 10, par, Long::sum, (lo, hi, view) -> {
        for (int i = lo; i < hi; i++) view.merge(Math.floorMod(f(i), 997), (long) i, Long::sum);
      });
      assertEquals(new ArrayList<>(seq.entrySet()), new ArrayList<>(par.entrySet()));
    }
  }

  /**
   * A HashMap target: {@code merge} resizes lazily, at the start of the call after the one that
   * crossed the threshold, so whether the loop's last call repeated a key decides the final capacity
   * and with it the iteration order (fuzz seed 201086). Distinct-key counts straddle every threshold
   * up to 96 keys; keys are spread so that a different capacity reorders them; some loops end on a
   * new key, some on a repeated one, some targets already hold keys, and in some the calls stop long
   * before the range ends or come rarely, so that a piece's final chunk makes no call and its last
   * call is found by re-running its earlier iterations ({@link KeyedView}'s probe).
   */
  @ParameterizedTest
  @MethodSource("pools")
  void keyedMergeIntoHashMapEndsWithTheSequentialCapacity(WeftPool pool) {
    for (int distinct = 1; distinct <= 100; distinct++) {
      for (int v = 0; v < 7; v++) {
        int keys = distinct;
        int variant = v;
        // variant 0: each key once, the last call inserts; 1: two passes, the last call repeats;
        // 2: one pass plus one repeat of key 0; 3: two passes into a target that already holds keys;
        // 4: as 0 or 2 (odd or even key counts), then 20,000 iterations without a call;
        // 5: a call only every 97th iteration, key (i / 97) % keys, over two passes or just over one;
        // 6: 20,000 iterations without a call, then as 4's calls (the last call in a final chunk).
        int to = switch (variant) {
          case 0 -> keys;
          case 2 -> keys + 1;
          case 4, 6 -> keys + 1 + 20_000;
          case 5 -> 97 * (keys % 2 == 0 ? 2 * keys : keys);
          default -> 2 * keys + (variant == 3 ? 20_000 : 0);
        };
        IntPredicate calls = i -> switch (variant) {
          case 4 -> i < keys + (keys % 2);
          case 6 -> i >= 20_000 && i < 20_000 + keys + (keys % 2);
          case 5 -> i % 97 == 0;
          default -> true;
        };
        IntUnaryOperator key = i -> spread(switch (variant) {
          case 2, 4 -> i >= keys ? 0 : i;
          case 6 -> i >= 20_000 + keys ? 0 : i - 20_000;
          case 5 -> (i / 97) % keys;
          default -> i % keys;
        });
        Map<Integer, Long> seq = new java.util.HashMap<>();
        Map<Integer, Long> par = new java.util.HashMap<>();
        if (variant == 3) {
          for (int k = 0; k < 11; k++) {
            seq.merge(spread(1000 + k), 1L, Long::sum);
            par.merge(spread(1000 + k), 1L, Long::sum);
          }
        }
        for (int i = 0; i < to; i++) if (calls.test(i)) seq.merge(key.applyAsInt(i), (long) i, Math::max);
        pool.mergeKeyed(0, to, variant >= 3 ? 1_000 : 10, par, Math::max, (lo, hi, view) -> {
          for (int i = lo; i < hi; i++) if (calls.test(i)) view.merge(key.applyAsInt(i), (long) i, Math::max);
        });
        assertEquals(seq.toString(), par.toString(), "distinct=" + distinct + " variant=" + variant);
        // The same capacity: adding the same keys to both keeps the same order.
        for (int k = 0; k < 40; k++) {
          seq.merge(spread(5000 + k), 0L, Long::sum);
          par.merge(spread(5000 + k), 0L, Long::sum);
        }
        assertEquals(seq.toString(), par.toString(), "distinct=" + distinct + " variant=" + variant + ", after more keys");
      }
    }
  }

  /** Keys whose bins depend on the table's capacity. */
  private static int spread(int k) {
    return k * 0x61C88647 >>> 7;
  }

  static int fibAlways(int n) {
    if (n < 2) return n;
    return Weft.joinInt(() -> fibAlways(n - 1), () -> fibAlways(n - 2), Integer::sum);
  }

  static int fibHeartbeat(int n) {
    if (n < 2) return n;
    if (Weft.wantsWork()) return Weft.joinInt(() -> fibHeartbeat(n - 1), () -> fibHeartbeat(n - 2), Integer::sum);
    return fibHeartbeat(n - 1) + fibHeartbeat(n - 2);
  }

  static long fibLong(int n) {
    if (n < 2) return n;
    return Weft.joinLong(() -> fibLong(n - 1), () -> fibLong(n - 2), Long::sum);
  }

  static double fibDouble(int n) {
    if (n < 2) return n;
    return Weft.joinDouble(() -> fibDouble(n - 1), () -> fibDouble(n - 2), Double::sum);
  }

  @ParameterizedTest
  @MethodSource("pools")
  void joinsMatchSequential(WeftPool pool) {
    assertEquals(6765, pool.joinInt(() -> fibAlways(19), () -> fibAlways(18), Integer::sum));
    assertEquals(832040, pool.joinInt(() -> fibHeartbeat(29), () -> fibHeartbeat(28), Integer::sum));
    assertEquals(10946L, pool.joinLong(() -> fibLong(20), () -> fibLong(19), Long::sum));
    assertEquals(6765.0, pool.joinDouble(() -> fibDouble(19), () -> fibDouble(18), Double::sum));
    assertEquals("ab", pool.join(() -> "a", () -> "b", String::concat));
    int[] hits = new int[5];
    pool.invokeAll(() -> hits[0]++, () -> hits[1]++, () -> hits[2]++, () -> hits[3]++, () -> hits[4]++);
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, hits);
    int[] both = new int[2];
    pool.join(() -> both[0] = fibAlways(15), () -> both[1] = fibAlways(14));
    assertArrayEquals(new int[] {610, 377}, both);
  }

  @ParameterizedTest
  @MethodSource("pools")
  void nestedCallsReuseThePool(WeftPool pool) {
    Random rnd = new Random(8);
    for (int rep = 0; rep < 5; rep++) {
      int outer = 50 + rnd.nextInt(200);
      int inner = 1000 + rnd.nextInt(30_000);
      long[] sums = new long[outer];
      pool.forRange(0, outer, 100_000, (int lo, int hi) -> {
        for (int i = lo; i < hi; i++) {
          int k = i;
          // depth 2: a reduction; depth 3: a join inside its chunks
          sums[i] = Weft.reduceLong(0, inner, 1, 0L, (a, b) -> {
            long s = Weft.joinLong(() -> (long) fibAlways(k % 7), () -> (long) fibSeq(k % 7), (x, y) -> x - y);
            for (int j = a; j < b; j++) s += (long) j * k;
            return s;
          }, Long::sum);
        }
      });
      for (int i = 0; i < outer; i++) {
        long expect = (long) i * ((long) inner * (inner - 1) / 2);
        assertEquals(expect, sums[i], "outer " + i);
      }
    }
  }

  static int fibSeq(int n) {
    return n < 2 ? n : fibSeq(n - 1) + fibSeq(n - 2);
  }

  @ParameterizedTest
  @MethodSource("pools")
  void arenaScratchIsPrivateToTheChunk(WeftPool pool) {
    int n = 200_000;
    long expect = 0;
    for (int i = 0; i < n; i++) expect += i % 64;
    long got = pool.reduceLong(0, n, 8, 0L, (lo, hi) -> {
      int[] scratch = Weft.arena().ints(64);
      for (int j = 0; j < 64; j++) scratch[j] = j;
      long s = 0;
      for (int i = lo; i < hi; i++) s += scratch[i % 64];
      return s;
    }, Long::sum);
    assertEquals(expect, got);
  }
}
