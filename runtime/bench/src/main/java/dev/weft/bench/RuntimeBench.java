package dev.weft.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: Weft against ForkJoinPool and parallel streams in the same run. Run with {@code -prof gc}
 * for {@code gc.alloc.rate.norm} (bytes per operation). CPU time is what {@link QuickBench} reports;
 * the JMH score here is wall time, which on shared machines is noise.
 *
 * <pre>java -jar runtime/bench/target/benchmarks.jar RuntimeBench -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuntimeBench {
  @Param({"30"})
  int fibN;

  int[] out;
  ForkJoinPool fjp;

  @Setup
  public void setup() {
    out = new int[1 << 22];
    fjp = ForkJoinPool.commonPool();
  }

  @Benchmark
  public int fibSequential() {
    return Work.fibSeq(fibN);
  }

  @Benchmark
  public int fibWeftHeartbeat() {
    return Work.fibWeft(fibN);
  }

  @Benchmark
  public int fibWeftJoinEveryCall() {
    return Work.fibWeftAlways(fibN);
  }

  @Benchmark
  public int fibForkJoinNoCutoff() {
    return Work.fibFjp(fjp, fibN);
  }

  @Benchmark
  public int joinFlatWeft() {
    return Work.joinLoop(1000);
  }

  @Benchmark
  public int joinFlatForkJoin() {
    return fjp.invoke(new java.util.concurrent.RecursiveTask<Integer>() {
      @Override
      protected Integer compute() {
        return Work.fjpJoinLoop(1000);
      }
    });
  }

  @Benchmark
  public int loopSequential() {
    Work.loopSeq(out);
    return out[7];
  }

  @Benchmark
  public int loopWeftNoGrain() {
    Work.loopWeft(out);
    return out[7];
  }

  @Benchmark
  public int loopParallelStream() {
    Work.loopStream(out);
    return out[7];
  }

  @Param({"4096"})
  int grain;

  @Benchmark
  public int loopForkJoinGrain() {
    Work.loopFjp(fjp, out, grain);
    return out[7];
  }
}
