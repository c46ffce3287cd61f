package dev.weft.analyzer.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.LoopShape;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.analyzer.findings.Witness;

/** Hand-built reports covering every field, including nulls and non-ASCII text. */
final class SampleReports {

  private SampleReports() {}

  static final String KERNELS = "src/main/java/demo/Kernels.java";
  static final String STATS = "src/main/java/demo/Stats.java";

  static Region doall() {
    return new Region(
        RegionKind.DOALL_LOOP,
        new SourceLocation(KERNELS, 14, 5),
        "demo.Kernels.scale(double[],double)",
        1_000_000,
        10,
        new LoopShape(false, "int", "i", "0", "<", "out.length", "1", null),
        ImmutableList.of(),
        ImmutableList.of("factor"),
        ImmutableList.of("out[i] written only at index i: distinct across iterations (GCD test)"),
        ImmutableList.of("out != in"),
        false);
  }

  static Region reduction() {
    return new Region(
        RegionKind.REDUCTION,
        new SourceLocation(STATS, 8, 9),
        "demo.Stats.mean(double[])",
        50_000,
        5,
        new LoopShape(true, "double", "x", "", "", "", "", "xs"),
        ImmutableList.of(
            new Accumulator("sum", "double", Accumulator.Shape.SCALAR, "+", "0.0"),
            new Accumulator("n", "long", Accumulator.Shape.SCALAR, "+", "0L")),
        ImmutableList.of(),
        ImmutableList.of("sum += x is the only use of sum: a reduction with +"),
        ImmutableList.of(),
        true);
  }

  static Region calls() {
    return new Region(
        RegionKind.INDEPENDENT_CALLS,
        new SourceLocation(KERNELS, 40, 5),
        "demo.Kernels.both(int[],int[])",
        300_000,
        150_000,
        null,
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of("sort(a) and sort(b) touch disjoint arrays — proven by MayAlias check"),
        ImmutableList.of(),
        false);
  }

  static Rejection carried() {
    return new Rejection(
        "loop",
        new SourceLocation(KERNELS, 30, 5),
        "demo.Kernels.prefix(int[])",
        ImmutableList.of(
            new Blocker(
                "LoopCarriedDependence",
                "a[i] reads a[i - 1], written one iteration before",
                Witness.at(new SourceLocation(KERNELS, 31, 7), "a[i] = a[i - 1] + x"),
                "compute the prefix with a scan, or make each iteration write its own element"),
            new Blocker(
                "IoInRegion",
                "prints to System.out",
                new Witness(
                    new SourceLocation(KERNELS, 32, 7),
                    "log(a[i])",
                    ImmutableList.of(
                        "demo.Kernels.log(int)",
                        "java.io.PrintStream.println(int)",
                        "writes to stdout")),
                "move the printing after the loop")));
  }

  static Rejection noWitness() {
    return new Rejection(
        "recursion",
        new SourceLocation(STATS, 3, 15),
        null,
        ImmutableList.of(new Blocker("UnresolvedSymbol", "cannot resolve Füße", null, null)));
  }

  static Report full() {
    return new Report(
        "/home/me/my project",
        12,
        ImmutableList.of(doall(), reduction(), calls()),
        ImmutableList.of(carried(), noWitness()),
        ImmutableList.of(
            new FileProblem("src/main/java/demo/Broken.java", 7, "does not parse: expected ';'")),
        ImmutableSortedMap.of("IoInRegion", 1, "LoopCarriedDependence", 1, "UnresolvedSymbol", 1),
        0.8123456789);
  }

  static Report empty() {
    return new Report(
        "/tmp/empty",
        0,
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableSortedMap.of(),
        0);
  }
}
