package dev.weft.bench;

import dev.weft.runtime.Weft;
import dev.weft.runtime.WeftPool;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.LongSupplier;

/**
 * The quick benchmark behind {@code runtime/bench/quick}: CPU time summed over every JVM thread
 * (caller plus workers; ThreadMXBean) and bytes allocated by every thread, per operation, as medians
 * of repeated runs after warm-up. Wall time on shared machines is noise, so it is not reported.
 * Ends with the single {@code weft-bench ...} line.
 */
public final class QuickBench {
  private static final com.sun.management.ThreadMXBean MX =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static long cpuNanos() {
    long s = 0;
    for (long c : MX.getThreadCpuTime(MX.getAllThreadIds())) if (c > 0) s += c;
    return s;
  }

  static long allocatedBytes() {
    long s = 0;
    for (long a : MX.getThreadAllocatedBytes(MX.getAllThreadIds())) if (a > 0) s += a;
    return s;
  }

  static volatile long sink;

  /** Median CPU nanoseconds of {@code reps} runs. */
  static double cpu(int reps, LongSupplier run) {
    double[] xs = new double[reps];
    for (int r = 0; r < reps; r++) {
      long c0 = cpuNanos();
      sink += run.getAsLong();
      xs[r] = cpuNanos() - c0;
    }
    Arrays.sort(xs);
    return xs[reps / 2];
  }

  /** Median wall nanoseconds of {@code reps} runs (noise on shared machines; reported, not targeted). */
  static double wall(int reps, LongSupplier run) {
    double[] xs = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t = System.nanoTime();
      sink += run.getAsLong();
      xs[r] = System.nanoTime() - t;
    }
    Arrays.sort(xs);
    return xs[reps / 2];
  }

  /** Median allocated bytes of {@code reps} runs. */
  static double alloc(int reps, LongSupplier run) {
    double[] xs = new double[reps];
    for (int r = 0; r < reps; r++) {
      long a0 = allocatedBytes();
      sink += run.getAsLong();
      xs[r] = allocatedBytes() - a0;
    }
    Arrays.sort(xs);
    return xs[reps / 2];
  }

  static void warm(int reps, LongSupplier run) {
    for (int r = 0; r < reps; r++) sink += run.getAsLong();
  }

  static double median(int reps, java.util.function.DoubleSupplier run) {
    double[] xs = new double[reps];
    for (int r = 0; r < reps; r++) xs[r] = run.getAsDouble();
    Arrays.sort(xs);
    return xs[reps / 2];
  }

  /** Waits (bounded) until the other participants are busy, then measures n joins on this thread. */
  static double[] measureJoins(AtomicInteger started, int others, IntSupplierLoop loop, int n) {
    long deadline = System.nanoTime() + 200_000_000L;
    while (started.get() < others && System.nanoTime() < deadline) Thread.onSpinWait();
    long c0 = MX.getCurrentThreadCpuTime();
    long a0 = MX.getThreadAllocatedBytes(Thread.currentThread().getId());
    sink += loop.run(n);
    long a1 = MX.getThreadAllocatedBytes(Thread.currentThread().getId());
    long c1 = MX.getCurrentThreadCpuTime();
    return new double[] {(c1 - c0) / (double) n, (a1 - a0) / (double) n};
  }

  interface IntSupplierLoop {
    int run(int n);
  }

  static double[] unstolenWeft(int p, int n) {
    AtomicInteger started = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    double[][] res = new double[1][];
    Weft.forRange(0, p, 1L << 40, (int lo, int hi) -> {
      for (int i = lo; i < hi; i++) {
        if (i == 0) {
          res[0] = measureJoins(started, p - 1, Work::joinLoop, n);
          done.set(true);
        } else {
          started.incrementAndGet();
          while (!done.get()) Thread.onSpinWait();
        }
      }
    });
    return res[0];
  }

  static double[] unstolenFjp(ForkJoinPool fjp, int p, int n) {
    AtomicInteger started = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    double[][] res = new double[1][];
    fjp.invoke(new RecursiveAction() {
      @Override
      protected void compute() {
        RecursiveAction[] spinners = new RecursiveAction[p - 1];
        for (int i = 0; i < spinners.length; i++) {
          spinners[i] = new RecursiveAction() {
            @Override
            protected void compute() {
              started.incrementAndGet();
              while (!done.get()) Thread.onSpinWait();
            }
          };
          spinners[i].fork();
        }
        res[0] = measureJoins(started, p - 1, Work::fjpJoinLoop, n);
        done.set(true);
        for (RecursiveAction s : spinners) s.join();
      }
    });
    return res[0];
  }

  public static void main(String[] args) throws Exception {
    int p = WeftPool.common().parallelism();
    ForkJoinPool fjp = new ForkJoinPool(p);
    System.out.printf("nproc=%d weft.parallelism=%d fjp.parallelism=%d java=%s (%s)%n",
        Runtime.getRuntime().availableProcessors(), p, fjp.getParallelism(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"));

    int fibN = 30;
    long joins = Work.fibJoins(fibN);
    LongSupplier seqFib = () -> Work.fibSeq(fibN);
    LongSupplier weftFib = () -> Work.fibWeft(fibN);
    LongSupplier weftFibAlways = () -> Work.fibWeftAlways(fibN);
    LongSupplier fjpFib = () -> Work.fibFjp(fjp, fibN);

    // Un-stolen joins: the thread running index 0 measures its own CPU over a flat loop of joins
    // while every other participant spins in user code (busy, so nobody asks for work).
    int perThread = 4_000_000;
    int[] out = new int[1 << 22];
    LongSupplier seqLoop = () -> {
      Work.loopSeq(out);
      return out[7];
    };
    LongSupplier weftLoop = () -> {
      Work.loopWeft(out);
      return out[7];
    };
    LongSupplier streamLoop = () -> {
      Work.loopStream(out);
      return out[7];
    };

    long t0 = System.nanoTime();
    for (int round = 0; round < 3; round++) {
      warm(5, seqFib);
      warm(5, weftFib);
      warm(3, weftFibAlways);
      warm(3, fjpFib);
      unstolenWeft(p, perThread / 4);
      unstolenFjp(fjp, p, perThread / 4);
      warm(5, seqLoop);
      warm(5, weftLoop);
      warm(5, streamLoop);
    }
    System.out.printf("warm-up %.1f s%n", (System.nanoTime() - t0) / 1e9);

    double seqFibCpu = cpu(21, seqFib);
    double weftFibCpu = cpu(21, weftFib);
    double fjpFibCpu = cpu(11, fjpFib);
    double seqFibWall = wall(21, seqFib);
    double weftFibWall = wall(21, weftFib);
    double fjpFibWall = wall(11, fjpFib);
    double weftAlwaysCpu = cpu(11, weftFibAlways);
    double weftAlwaysAlloc = alloc(5, weftFibAlways);
    double fjpFibAlloc = alloc(5, fjpFib);
    double weftJoinCpu = median(5, () -> unstolenWeft(p, perThread)[0]);
    double fjpJoinCpu = median(5, () -> unstolenFjp(fjp, p, perThread)[0]);
    double weftJoinAlloc = median(3, () -> unstolenWeft(p, perThread)[1]);
    double fjpJoinAlloc = median(3, () -> unstolenFjp(fjp, p, perThread)[1]);
    double seqLoopCpu = cpu(21, seqLoop);
    double weftLoopCpu = cpu(21, weftLoop);
    double streamLoopCpu = cpu(21, streamLoop);

    // An idle pool must not burn CPU: measure every thread over one quiet second.
    long idle0 = cpuNanos();
    Thread.sleep(1000);
    double idleCpuMs = (cpuNanos() - idle0) / 1e6;

    System.out.printf(Locale.ROOT, "fib(%d) sequential cpu %.2f ms; weft heartbeat %.2f ms; weft join-every-call %.2f ms (%.1f ns, %.1f B per join); fjp no cutoff %.2f ms (%.1f ns, %.1f B per task)%n",
        fibN, seqFibCpu / 1e6, weftFibCpu / 1e6, weftAlwaysCpu / 1e6, weftAlwaysCpu / joins, weftAlwaysAlloc / joins,
        fjpFibCpu / 1e6, fjpFibCpu / joins, fjpFibAlloc / joins);
    System.out.printf(Locale.ROOT, "fib(%d) wall: sequential %.2f ms; weft heartbeat %.2f ms; fjp no cutoff %.2f ms%n",
        fibN, seqFibWall / 1e6, weftFibWall / 1e6, fjpFibWall / 1e6);
    System.out.printf(Locale.ROOT, "un-stolen joins (%d participants busy): weft %.2f ns %.2f B; fjp fork+join %.2f ns %.2f B%n",
        p, weftJoinCpu, weftJoinAlloc, fjpJoinCpu, fjpJoinAlloc);
    System.out.printf(Locale.ROOT, "loop of %d mix() stores: sequential cpu %.2f ms; weft forRange (no grain) %.2f ms; parallel stream %.2f ms%n",
        out.length, seqLoopCpu / 1e6, weftLoopCpu / 1e6, streamLoopCpu / 1e6);
    System.out.printf(Locale.ROOT, "idle pools: %.2f ms cpu over 1 s (all threads)%n", idleCpuMs);
    System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT,
        "weft-bench join_cpu_ns=%.2f fjp_join_cpu_ns=%.2f join_alloc_bytes=%.2f fjp_join_alloc_bytes=%.2f"
            + " loop_cpu_inflation=%.3f fjp_loop_cpu_inflation=%.3f dc_cpu_inflation=%.3f fjp_dc_cpu_inflation=%.3f%n",
        weftJoinCpu, fjpJoinCpu, weftJoinAlloc, fjpJoinAlloc,
        weftLoopCpu / seqLoopCpu, streamLoopCpu / seqLoopCpu, weftFibCpu / seqFibCpu, fjpFibCpu / seqFibCpu);
  }
}
