package dev.weft.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void fullReport() {
    String expected =
        """
        weft analyze /home/me/my project
          12 files analysed in 0.8 s
          3 regions: DoallLoop 1, Reduction 1, IndependentCalls 1
          2 rejected: IoInRegion 1, LoopCarriedDependence 1, UnresolvedSymbol 1
          1 problem

        src/main/java/demo/Kernels.java:14 [DoallLoop] demo.Kernels.scale(double[],double): work ~1,000,000 (10 per iteration)
            copies into finals: factor
            runtime check: out != in
            - out[i] written only at index i: distinct across iterations (GCD test)
        src/main/java/demo/Kernels.java:30 [blocked: LoopCarriedDependence, IoInRegion] a[i] reads a[i - 1], written one iteration before
            at src/main/java/demo/Kernels.java:31: a[i] = a[i - 1] + x
            hint: compute the prefix with a scan, or make each iteration write its own element
            IoInRegion: prints to System.out
            at src/main/java/demo/Kernels.java:32: log(a[i])
              via demo.Kernels.log(int) -> java.io.PrintStream.println(int) -> writes to stdout
            hint: move the printing after the loop
        src/main/java/demo/Kernels.java:40 [IndependentCalls] demo.Kernels.both(int[],int[]): work ~300,000 (150,000 per task)
            - sort(a) and sort(b) touch disjoint arrays — proven by MayAlias check
        src/main/java/demo/Stats.java:3 [blocked: UnresolvedSymbol] cannot resolve Füße
        src/main/java/demo/Stats.java:8 [Reduction] demo.Stats.mean(double[]): work ~50,000 (5 per iteration)
            accumulators: sum (double +), n (long +)
            floating-point reduction: rewritten only with --allow-fp-reassoc
            - sum += x is the only use of sum: a reduction with +

        not analysed (1 file problem):
        src/main/java/demo/Broken.java:7: does not parse: expected ';'
        """;
    assertEquals(expected, TextReport.render(SampleReports.full()));
  }

  @Test
  void emptyReportIsJustTheSummary() {
    assertEquals(
        """
        weft analyze /tmp/empty
          0 files analysed in 0.0 s
          0 regions
          0 rejected
          0 problems
        """,
        TextReport.render(SampleReports.empty()));
  }
}
