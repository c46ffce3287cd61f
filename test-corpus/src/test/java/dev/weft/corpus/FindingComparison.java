package dev.weft.corpus;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares an analyzer {@link Report} with a program's markers, line by line, and keeps score per
 * region kind and per blocker id across programs.
 */
public final class FindingComparison {

  /** One finding of the analyzer, reduced to what a marker states; {@code detail} is for people. */
  public record Finding(String file, int line, Verdict verdict, String detail) {
    String where() {
      return file + ":" + line;
    }
  }

  /** A disagreement between marker and analyzer; {@code where} is {@code program/file:line}. */
  public record Mismatch(String what, String where, String expected, String actual, String detail) {
    @Override
    public String toString() {
      return String.format(
          "%s %s: expected [%s], analyzer [%s]%s",
          what, where, expected, actual, detail.isEmpty() ? "" : " -- " + detail);
    }
  }

  private final Map<String, int[]> kindScore = new TreeMap<>();
  private final Map<String, int[]> blockerScore = new TreeMap<>();
  private final List<Mismatch> unsafe = new ArrayList<>();

  /** The analyzer's findings: every region and every rejection, in report order. */
  public static ImmutableList<Finding> findings(Report report) {
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    for (Region r : report.regions()) {
      String detail =
          r.runtimeChecks().isEmpty() ? "" : "runtime checks " + String.join(" && ", r.runtimeChecks());
      out.add(
          new Finding(
              r.location().file(), r.location().line(), Verdict.accepted(r.kind().id()), detail));
    }
    for (Rejection r : report.rejected()) {
      TreeSet<String> ids = new TreeSet<>();
      for (Blocker b : r.blockers()) {
        ids.add(b.id());
      }
      String detail = r.blockers().stream().map(b -> b.id() + ": " + b.message()).collect(Collectors.joining("; "));
      out.add(
          new Finding(
              r.location().file(),
              r.location().line(),
              ids.isEmpty() ? Verdict.blocked(ImmutableSortedSet.of("<none>")) : Verdict.blocked(ids),
              r.candidate() + (detail.isEmpty() ? "" : " " + detail)));
    }
    return out.build();
  }

  /**
   * Compares one program and updates the score. Returns every mismatch: missing findings (a marker
   * without a finding), extra findings (a finding without a marker), different findings (kind or
   * blocker set), duplicate findings on one line, and files the analyzer could not analyse.
   */
  public List<Mismatch> compare(String program, List<Marker> markers, Report report) {
    List<Mismatch> out = new ArrayList<>();
    for (FileProblem p : report.problems()) {
      out.add(new Mismatch("PROBLEM", program + "/" + p.file() + ":" + p.line(), "analysed", "not analysed", p.message()));
    }
    Map<String, Marker> expected = new LinkedHashMap<>();
    for (Marker m : markers) {
      expected.put(m.where(), m);
    }
    Map<String, Finding> actual = new LinkedHashMap<>();
    for (Finding f : findings(report)) {
      Finding previous = actual.putIfAbsent(f.where(), f);
      if (previous != null) {
        out.add(new Mismatch("DUPLICATE", program + "/" + f.where(), "one finding", previous.verdict() + " and " + f.verdict(), ""));
      }
    }
    TreeSet<String> lines = new TreeSet<>(FindingComparison::byFileAndLine);
    lines.addAll(expected.keySet());
    lines.addAll(actual.keySet());
    for (String where : lines) {
      Marker m = expected.get(where);
      Finding f = actual.get(where);
      Verdict e = m == null ? null : m.verdict();
      Verdict a = f == null ? null : f.verdict();
      score(e, a);
      String at = program + "/" + where;
      if (f == null) {
        out.add(new Mismatch("MISSING", at, e.toString(), "no finding", m.note()));
      } else if (m == null) {
        out.add(new Mismatch("EXTRA", at, "no marker", a.toString(), f.detail()));
      } else if (!e.equals(a)) {
        Mismatch mm = new Mismatch("DIFFERENT", at, e.toString(), a.toString(), f.detail());
        out.add(mm);
        if (!e.isAccepted() && a.isAccepted()) {
          unsafe.add(mm);
        }
      }
      if (m == null && a.isAccepted()) {
        unsafe.add(new Mismatch("UNMARKED-REGION", at, "no marker", a.toString(), f.detail()));
      }
    }
    return out;
  }

  /** The analyzer threw on {@code program}: one CRASH mismatch, and every marker scores as missed. */
  public List<Mismatch> crashed(String program, List<Marker> markers, Throwable thrown) {
    for (Marker m : markers) {
      score(m.verdict(), null);
    }
    return List.of(new Mismatch("CRASH", program, markers.size() + " findings", "threw " + thrown, ""));
  }

  private static int byFileAndLine(String x, String y) {
    int cx = x.lastIndexOf(':');
    int cy = y.lastIndexOf(':');
    int c = x.substring(0, cx).compareTo(y.substring(0, cy));
    return c != 0 ? c : Integer.compare(Integer.parseInt(x.substring(cx + 1)), Integer.parseInt(y.substring(cy + 1)));
  }

  private void score(Verdict expected, Verdict actual) {
    String ek = expected != null && expected.isAccepted() ? expected.kind() : null;
    String ak = actual != null && actual.isAccepted() ? actual.kind() : null;
    if (ak != null) {
      counts(kindScore, ak)[ak.equals(ek) ? 0 : 1]++;
    }
    if (ek != null && !ek.equals(ak)) {
      counts(kindScore, ek)[2]++;
    }
    TreeSet<String> eb = new TreeSet<>(expected == null ? ImmutableSortedSet.of() : expected.blockers());
    TreeSet<String> ab = new TreeSet<>(actual == null ? ImmutableSortedSet.of() : actual.blockers());
    for (String id : ab) {
      counts(blockerScore, id)[eb.contains(id) ? 0 : 1]++;
    }
    for (String id : eb) {
      if (!ab.contains(id)) {
        counts(blockerScore, id)[2]++;
      }
    }
  }

  private static int[] counts(Map<String, int[]> score, String key) {
    return score.computeIfAbsent(key, k -> new int[3]);
  }

  /** Accepted regions whose marker says blocked (or that have no marker): the unsafe answers. */
  public List<Mismatch> unsafeAcceptances() {
    return unsafe;
  }

  /** Precision and recall per region kind and per blocker id, w.r.t. the markers. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-24s %5s %5s %5s %9s %7s%n", "kind / blocker", "TP", "FP", "FN", "precision", "recall"));
    append(sb, kindScore);
    sb.append(String.format("%-24s%n", "--"));
    append(sb, blockerScore);
    sb.append(String.format("unsafe acceptances (blocked marker, accepted finding): %d%n", unsafe.size()));
    return sb.toString();
  }

  private static void append(StringBuilder sb, Map<String, int[]> score) {
    for (Map.Entry<String, int[]> e : score.entrySet()) {
      int tp = e.getValue()[0];
      int fp = e.getValue()[1];
      int fn = e.getValue()[2];
      sb.append(
          String.format(
              "%-24s %5d %5d %5d %9s %7s%n", e.getKey(), tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)));
    }
  }

  private static String ratio(int num, int den) {
    return den == 0 ? "-" : String.format("%.2f", (double) num / den);
  }
}
