package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sequential program's exception wins; the others are suppressed; later chunks stop early. */
class ExceptionsTest {
  static Stream<WeftPool> pools() {
    return Pools.all();
  }

  static final class Boom extends RuntimeException {
    final int index;

    Boom(int index) {
      super("boom at " + index);
      this.index = index;
    }
  }

  @ParameterizedTest
  @MethodSource("pools")
  void loopRethrowsTheLowestIndex(WeftPool pool) {
    int n = 400_000;
    int[] failing = {123_457, 250_000, 399_999};
    Boom b = assertThrows(Boom.class, () -> pool.forRange(0, n, 5, (int lo, int hi) -> {
      for (int i = lo; i < hi; i++) {
        if (Arrays.binarySearch(failing, i) >= 0) throw new Boom(i);
      }
    }));
    assertEquals("boom at 123457", b.getMessage());
    for (Throwable s : b.getSuppressed()) assertTrue(((Boom) s).index > 123_457, s.getMessage());
  }

  @ParameterizedTest
  @MethodSource("pools")
  void everyReductionRethrowsTheLowestIndex(WeftPool pool) {
    int n = 300_000;
    IntRangeToInt ints = (lo, hi) -> {
      for (int i = lo; i < hi; i++) if (i == 77_777 || i == 200_001) throw new Boom(i);
      return hi - lo;
    };
    assertEquals("boom at 77777", assertThrows(Boom.class, () -> pool.reduceInt(0, n, 3, 0, ints, Integer::sum)).getMessage());
    assertEquals("boom at 77777", assertThrows(Boom.class,
        () -> pool.reduceLong(0, n, 3, 0L, (lo, hi) -> ints.apply(lo, hi), Long::sum)).getMessage());
    assertEquals("boom at 77777", assertThrows(Boom.class,
        () -> pool.reduceDouble(0, n, 3, 0.0, (lo, hi) -> ints.apply(lo, hi), Double::sum)).getMessage());
    assertEquals("boom at 77777", assertThrows(Boom.class,
        () -> pool.reduce(0, n, 3, () -> 0, (lo, hi) -> ints.apply(lo, hi), Integer::sum)).getMessage());
    assertEquals("boom at 77777", assertThrows(Boom.class,
        () -> pool.accumulate(0, n, 3, new double[4], 0.0, Double::sum, (lo, hi, v) -> ints.apply(lo, hi))).getMessage());
    assertEquals("boom at 77777", assertThrows(Boom.class,
        () -> pool.accumulate(0, n, 3, new int[4], 0, Integer::sum, (lo, hi, v) -> ints.apply(lo, hi))).getMessage());
  }

  @ParameterizedTest
  @MethodSource("pools")
  void chunksAfterAFailureStopEarly(WeftPool pool) {
    // Only chunks that start after the failure count: a chunk already running when iteration 10
    // throws may finish, and on a loaded machine the thread that owns iteration 10 can be descheduled
    // while another participant runs a whole stolen half (that made an earlier form of this test,
    // "fewer than n/2 iterations in all", fail under load without any fault in the runtime). Even
    // so, between the body's flag and the runtime noting the failure the failing thread can be
    // descheduled for several time slices (16 participants on 2 busy cores: 647,535 of 2,000,000
    // iterations ran in that window once), so the range is long enough that no such window covers a
    // quarter of it; were skipping broken, the test would run all of it (about a second) and fail.
    int n = 1 << 30;
    java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
    AtomicLong ranAfter = new AtomicLong();
    assertThrows(Boom.class, () -> pool.forRange(0, n, 1000, (int lo, int hi) -> {
      boolean late = thrown.get();
      long x = 0;
      for (int i = lo; i < hi; i++) {
        if (i == 10) {
          thrown.set(true);
          throw new Boom(10);
        }
        x += Long.numberOfTrailingZeros(i * 31L + x);
      }
      if (late) ranAfter.addAndGet(hi - lo + (x == 42 ? 1 : 0)); // x keeps the work from being optimised away
    }));
    assertTrue(ranAfter.get() < n / 4, "ran " + ranAfter.get() + " of " + n + " iterations in chunks started after the failure");
  }

  @ParameterizedTest
  @MethodSource("pools")
  void joinsPreferTheFirstTaskInProgramOrder(WeftPool pool) {
    RuntimeException left = assertThrows(RuntimeException.class, () -> pool.join(() -> {
      throw new IllegalStateException("left");
    }, () -> {
      throw new IllegalArgumentException("right");
    }));
    assertEquals("left", left.getMessage());
    for (Throwable s : left.getSuppressed()) assertEquals("right", s.getMessage());

    RuntimeException right = assertThrows(RuntimeException.class,
        () -> pool.joinInt(() -> 1, () -> {
          throw new IllegalArgumentException("right");
        }, Integer::sum));
    assertEquals("right", right.getMessage());

    int[] ran = new int[4];
    RuntimeException second = assertThrows(RuntimeException.class, () -> pool.invokeAll(
        () -> ran[0]++,
        () -> {
          ran[1]++;
          throw new IllegalStateException("second");
        },
        () -> {
          ran[2]++;
          throw new IllegalStateException("third");
        },
        () -> ran[3]++));
    assertEquals("second", second.getMessage());
    assertEquals(1, ran[0]);
    assertEquals(1, ran[1]);
    for (Throwable s : second.getSuppressed()) assertEquals("third", s.getMessage());
  }

  @ParameterizedTest
  @MethodSource("pools")
  void thePoolStaysUsableAfterFailures(WeftPool pool) {
    for (int rep = 0; rep < 20; rep++) {
      int at = rep * 997;
      assertThrows(Boom.class, () -> pool.forRange(0, 50_000, 2, (int lo, int hi) -> {
        if (lo <= at && at < hi) throw new Boom(at);
      }));
    }
    assertEquals(50_000, pool.reduceInt(0, 50_000, 2, 0, (lo, hi) -> hi - lo, Integer::sum));
  }
}
