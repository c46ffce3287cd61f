package dev.weft.analyzer.report;

import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.analyzer.findings.Witness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report for a person: what {@code weft analyze} prints by default.
 *
 * <pre>
 * weft analyze /home/me/project
 *   12 files analysed in 0.8 s
 *   2 regions: DoallLoop 1, Reduction 1
 *   1 rejected: LoopCarriedDependence 1
 *   0 problems
 *
 * src/main/java/demo/Kernels.java:14 [DoallLoop] demo.Kernels.scale(double[],double): work ~1,000 (10 per iteration)
 *     - out[i] written only at index i: distinct across iterations (GCD test)
 * src/main/java/demo/Kernels.java:30 [blocked: LoopCarriedDependence] a[i] reads a[i - 1], written one iteration before
 *     at src/main/java/demo/Kernels.java:31: a[i] = a[i - 1] + x
 *     hint: compute the prefix with Weft.prefixSum, or restructure so each iteration writes its own element
 * </pre>
 *
 * <p>Findings (regions and rejections together) are in source order (file, line, column), so two
 * runs over the same tree print the same text; then the files that could not be analysed. Only
 * ASCII punctuation is used, so the text survives a terminal with any encoding. Lines end with
 * {@code \n} on every platform.
 */
public final class TextReport {

  private static final String INDENT = "    ";

  private TextReport() {}

  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    summary(report, out);

    List<Finding> findings = new ArrayList<>();
    report.regions().forEach(r -> findings.add(new Finding(r.location(), r, null)));
    report.rejected().forEach(r -> findings.add(new Finding(r.location(), null, r)));
    // stable sort: within one location, regions (listed first) stay before rejections
    findings.sort(
        Comparator.comparing(Finding::location, Comparator.nullsLast(Comparator.naturalOrder())));
    if (!findings.isEmpty()) out.append('\n');
    for (Finding f : findings) {
      if (f.region != null) region(f.region, out);
      else rejection(f.rejection, out);
    }

    if (!report.problems().isEmpty()) {
      out.append('\n')
          .append("not analysed (")
          .append(plural(report.problems().size(), "file problem", "file problems"))
          .append("):\n");
      report.problems().stream()
          .sorted(
              Comparator.comparing(
                      FileProblem::file, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                  .thenComparingInt(FileProblem::line))
          .forEach(
              p ->
                  out.append(p.file())
                      .append(p.line() > 0 ? ":" + p.line() : "")
                      .append(": ")
                      .append(p.message())
                      .append('\n'));
    }
    return out.toString();
  }

  private static void summary(Report report, StringBuilder out) {
    out.append("weft analyze ").append(report.root()).append('\n');
    out.append("  ")
        .append(plural(report.filesAnalysed(), "file", "files"))
        .append(" analysed in ")
        .append(String.format(Locale.ROOT, "%.1f", report.seconds()))
        .append(" s\n");
    out.append("  ").append(plural(report.regions().size(), "region", "regions"));
    String kinds =
        Summaries.regionsByKind(report).entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getKey().id() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    out.append(kinds.isEmpty() ? "" : ": " + kinds).append('\n');
    out.append("  ").append(report.rejected().size()).append(" rejected");
    String blockers =
        report.blockerCounts().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    out.append(blockers.isEmpty() ? "" : ": " + blockers).append('\n');
    out.append("  ").append(plural(report.problems().size(), "problem", "problems")).append('\n');
  }

  private static void region(Region r, StringBuilder out) {
    boolean perTask =
        r.kind() == RegionKind.INDEPENDENT_CALLS || r.kind() == RegionKind.DIVIDE_AND_CONQUER;
    out.append(where(r.location()))
        .append(" [")
        .append(r.kind().id())
        .append("] ")
        .append(r.method() == null ? "" : r.method() + ": ")
        .append("work ~")
        .append(number(r.work()))
        .append(" (")
        .append(number(r.workPerIteration()))
        .append(perTask ? " per task)" : " per iteration)")
        .append('\n');
    if (!r.accumulators().isEmpty()) {
      out.append(INDENT)
          .append("accumulators: ")
          .append(
              r.accumulators().stream()
                  .map(TextReport::accumulator)
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (!r.captures().isEmpty()) {
      out.append(INDENT)
          .append("copies into finals: ")
          .append(String.join(", ", r.captures()))
          .append('\n');
    }
    for (String check : r.runtimeChecks()) {
      out.append(INDENT).append("runtime check: ").append(check).append('\n');
    }
    if (r.needsFpReassociation()) {
      out.append(INDENT)
          .append("floating-point reduction: rewritten only with --allow-fp-reassoc\n");
    }
    for (String fact : r.facts()) {
      out.append(INDENT).append("- ").append(fact).append('\n');
    }
  }

  private static String accumulator(Accumulator a) {
    return a.variable() + " (" + a.type() + " " + a.operator() + ")";
  }

  private static void rejection(Rejection r, StringBuilder out) {
    out.append(where(r.location()))
        .append(" [blocked: ")
        .append(r.blockers().stream().map(Blocker::id).collect(Collectors.joining(", ")))
        .append("]");
    if (!r.blockers().isEmpty()) out.append(' ').append(r.blockers().get(0).message());
    out.append('\n');
    for (int i = 0; i < r.blockers().size(); i++) {
      Blocker b = r.blockers().get(i);
      // the first blocker's message is already on the finding's line
      if (i > 0) out.append(INDENT).append(b.id()).append(": ").append(b.message()).append('\n');
      Witness w = b.witness();
      if (w != null) {
        out.append(INDENT).append("at ").append(where(w.location()));
        if (w.code() != null && !w.code().isEmpty()) out.append(": ").append(w.code());
        out.append('\n');
        if (!w.callChain().isEmpty()) {
          out.append(INDENT)
              .append("  via ")
              .append(String.join(" -> ", w.callChain()))
              .append('\n');
        }
      }
      if (b.hint() != null && !b.hint().isEmpty()) {
        out.append(INDENT).append("hint: ").append(b.hint()).append('\n');
      }
    }
  }

  private static String where(SourceLocation l) {
    return l == null ? "<unknown location>" : l.file() + ":" + l.line();
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** A region or a rejection, so that both can be listed in one source order. */
  private record Finding(SourceLocation location, Region region, Rejection rejection) {}
}
