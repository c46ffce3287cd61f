package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Divide and conquer during the warm-up ({@link Warmup#recursionStarts}): the first
 * {@link Weft#wantsWork()} of a program starts a timer, not the pool. Each case runs in a fresh
 * JVM ({@link Child}), since in this one the pool has long started; the parent reads the child's
 * class-loading log and its report line.
 */
class RecursionWarmupTest {

  /** A recursion that ends within the budget answers no throughout and never loads the pool. */
  @Test
  void aRecursionShorterThanTheBudgetNeverStartsThePool() throws Exception {
    Run r = run("-Dweft.warmupMs=60000", "-Dweft.parallelism=2", "25", "1");
    assertEquals("result=75025 forks=0", r.report, r.output);
    assertFalse(r.output.contains("dev.weft.runtime.WeftPool "), "WeftPool was loaded:\n" + r.output);
    assertTrue(r.output.contains("dev.weft.runtime.Warmup$Timer "), "no timer was started:\n" + r.output);
  }

  /**
   * A recursion that outlasts the budget forks once the timer has started the pool, and not
   * before: the first fork comes at least the budget after the first call.
   */
  @Test
  void aLongerRecursionForksOnceTheBudgetHasPassed() throws Exception {
    Run r = run("-Dweft.warmupMs=50", "-Dweft.parallelism=2", "27", "400");
    assertTrue(r.report.startsWith("result=" + 196418L * 400 + " forks="), r.output);
    long forks = Long.parseLong(r.report.replaceAll(".* forks=(\\d+).*", "$1"));
    assertTrue(forks > 0, "never forked: " + r.output);
    long firstMs = Long.parseLong(r.firstFork.replaceAll(" .*", ""));
    assertTrue(firstMs >= 50, "forked " + firstMs + " ms after the first call, within the 50 ms budget");
    assertTrue(r.output.contains("dev.weft.runtime.WeftPool "), r.output);
  }

  /** Without a warm-up the first call starts the pool and forks at once: no timer. */
  @Test
  void withoutAWarmupTheFirstCallForks() throws Exception {
    Run r = run("-Dweft.warmupMs=0", "-Dweft.parallelism=2", "20", "1");
    assertEquals("result=6765", r.report.replaceAll(" forks=.*", ""), r.output);
    assertTrue(!r.report.endsWith("forks=0"), "no fork without a warm-up: " + r.output);
    assertTrue(r.firstFork.endsWith(" call=1"), "the first call did not fork: " + r.output);
    assertFalse(r.output.contains("dev.weft.runtime.Warmup$Timer "), r.output);
  }

  private record Run(String output, String report, String firstFork) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xlog:class+load=info:stdout:tags");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    int props = 0;
    while (args[props].startsWith("-D")) cmd.add(args[props++]);
    cmd.add(Child.class.getName());
    for (int i = props; i < args.length; i++) cmd.add(args[i]);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not end");
    assertEquals(0, p.exitValue(), out);
    String report = out.lines().filter(l -> l.startsWith("result=")).findFirst().orElse("no report");
    String first = out.lines().filter(l -> l.startsWith("first-fork-ms=")).findFirst().orElse("first-fork-ms=-1").substring(14);
    return new Run(out, report, first);
  }

  /**
   * {@code Child N REPEATS}: a guarded fib(N), REPEATS times; prints the sum and the forks, then
   * when the first fork came: milliseconds after the first call, and which call it was.
   */
  static final class Child {
    static final AtomicLong FORKS = new AtomicLong();
    static final AtomicLong CALLS = new AtomicLong();
    static volatile long start;
    static volatile String firstFork = "-1";

    static long fib(int n) {
      if (n < 2) return n;
      long call = CALLS.incrementAndGet();
      if (Weft.wantsWork()) {
        if (FORKS.getAndIncrement() == 0) firstFork = (System.nanoTime() - start) / 1_000_000 + " call=" + call;
        return Weft.joinLong(() -> fib(n - 1), () -> fib(n - 2), Long::sum);
      }
      return fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
      int n = Integer.parseInt(args[0]);
      int repeats = Integer.parseInt(args[1]);
      long sum = 0;
      start = System.nanoTime();
      for (int i = 0; i < repeats; i++) sum += fib(n);
      System.out.println("result=" + sum + " forks=" + FORKS.get());
      System.out.println("first-fork-ms=" + firstFork);
    }
  }
}
