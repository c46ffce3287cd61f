package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fork decision behind {@link Weft#wantsWork()}: the first {@code log2(P) + 2} join levels on
 * every participant always fork (so an idle worker can later be handed a big latent frame), and the
 * eager count that gates the depth check comes back to its resting value after every call,
 * including calls that throw.
 */
class ForkDecisionTest {
  static Stream<WeftPool> parallelPools() {
    return Stream.of(2, 4, 16).map(Pools::of);
  }

  @Test
  void forkDepthIsLog2OfParallelismPlusTwo() {
    assertEquals(0, Pools.of(1).forkDepth);
    assertEquals(3, Pools.of(2).forkDepth);
    assertEquals(4, Pools.of(4).forkDepth);
    assertEquals(6, Pools.of(16).forkDepth);
  }

  /** Recurses with the transformer's shape and records any shallow call where wantsWork said no. */
  private static int probe(int n, AtomicInteger shallowRefusals, AtomicInteger shallowCalls) {
    if (n < 2) return n;
    Participant p = WeftPool.current();
    boolean shallow = p != null && p.depth < p.forkDepth;
    boolean fork = Weft.wantsWork();
    if (shallow) {
      shallowCalls.incrementAndGet();
      if (!fork) shallowRefusals.incrementAndGet();
    }
    if (fork) {
      return Weft.joinInt(() -> probe(n - 1, shallowRefusals, shallowCalls),
          () -> probe(n - 2, shallowRefusals, shallowCalls), Integer::sum);
    }
    return probe(n - 1, shallowRefusals, shallowCalls) + probe(n - 2, shallowRefusals, shallowCalls);
  }

  @ParameterizedTest
  @MethodSource("parallelPools")
  void everyParticipantForksWhileItsJoinsAreShallow(WeftPool pool) {
    AtomicInteger refusals = new AtomicInteger();
    AtomicInteger shallow = new AtomicInteger();
    for (int rep = 0; rep < 20; rep++) {
      assertEquals(10946, pool.joinInt(() -> probe(20, refusals, shallow), () -> probe(19, refusals, shallow), Integer::sum));
    }
    assertTrue(shallow.get() > 0);
    assertEquals(0, refusals.get(), "shallow calls where wantsWork() was false, of " + shallow.get());
  }

  @ParameterizedTest
  @MethodSource("parallelPools")
  void eagerCountReturnsToRestAfterFailingJoins(WeftPool pool) {
    int rest = atRest();
    for (int depth = 0; depth < 8; depth++) {
      int d = depth;
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> pool.joinInt(() -> failAt(d, 0), () -> failAt(d + 1, 0), Integer::sum));
      assertEquals("depth " + d, e.getMessage());
    }
    assertEquals(10946, pool.joinInt(() -> probe(20, new AtomicInteger(), new AtomicInteger()), () -> 4181, Integer::sum));
    assertEquals(rest, settledEagerCount(rest));
  }

  private static int failAt(int target, int level) {
    if (level == target) throw new IllegalStateException("depth " + target);
    return Weft.joinInt(() -> failAt(target, level + 1), () -> level, Integer::sum);
  }

  /** Outside every call: one for the outside share while the common pool has workers. */
  private static int atRest() {
    return WeftPool.common().parallelism() > 1 ? 1 : 0;
  }

  /** Workers leave the eager state just after the joiner saw their task done: wait for the count (bounded). */
  private static int settledEagerCount(int expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int c;
    while ((c = WeftPool.eagerCount()) != expected && System.nanoTime() < deadline) Thread.onSpinWait();
    return c;
  }

  /**
   * Loops split at once only for awake idle participants: the count of sleeping ones (hungry in their
   * timed park, or never started) must come back, once every worker has gone drowsy, to exactly the
   * workers never started, after loops, joins and failures on several pools.
   */
  @Test
  void sleepingCountComesBackToTheUnstartedWorkers() {
    WeftPool unused = new WeftPool(3); // two workers that never start
    for (WeftPool pool : parallelPools().toList()) {
      for (int rep = 0; rep < 20; rep++) {
        pool.forRange(0, 1 << 12, 1 << 10, (int lo, int hi) -> {}); // estimated big enough to split
        assertEquals(10946, pool.joinInt(() -> probe(20, new AtomicInteger(), new AtomicInteger()), () -> 4181, Integer::sum));
        assertThrows(IllegalStateException.class, () -> pool.forRange(0, 1 << 12, 1 << 10, (int lo, int hi) -> {
          if (hi > 1 << 11) throw new IllegalStateException("late");
        }));
      }
    }
    int asleep = settledAsleepCount();
    assertTrue(WeftPool.unstartedWorkers() >= unused.parallelism() - 1);
    assertEquals(WeftPool.unstartedWorkers(), asleep);
  }

  /** Hungry workers go drowsy {@link WeftPool#DROWSY_NS} after their last task: wait for that (bounded). */
  private static int settledAsleepCount() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int c;
    while ((c = WeftPool.asleepCount()) != WeftPool.unstartedWorkers() && System.nanoTime() < deadline) Thread.onSpinWait();
    return c;
  }

  @Test
  void aThreadOutsideEveryPoolForksAtTheTopOfItsRecursion() throws InterruptedException {
    assumeTrue(WeftPool.common().parallelism() > 1, "the common pool has no workers on this machine");
    AtomicBoolean answer = new AtomicBoolean();
    Thread t = new Thread(() -> answer.set(Weft.wantsWork()));
    t.start();
    t.join();
    assertTrue(answer.get());
  }

  @Test
  void aThiefClearsTheSlotItStole() {
    TaskDeque d = new TaskDeque();
    TaskDequeTest.Numbered a = new TaskDequeTest.Numbered(0);
    d.push(a);
    d.push(new TaskDequeTest.Numbered(1));
    assertSame(a, d.steal());
    assertNull(d.array[0]); // a finished task no longer keeps what it captured alive
  }
}
