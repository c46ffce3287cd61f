package dev.weft.analyzer.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.Report;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canonical loops, reductions, dependences and aliasing on one class of small loops, analysed once. */
class LoopVerdictsTest {

  static final String SOURCE = """
      import java.util.*;
      class Loops {
        static int counter;
        static final int N = 100_000;
        int[] own = new int[10];
        static long sum(int[] a) {
          long s = 0;
          for (int i = 0; i < a.length; i++) { s += a[i]; } // L:sum
          return s;
        }
        static double fsum(double[] a) {
          double s = 0;
          for (int i = 0; i < a.length; i++) { s += a[i]; } // L:fsum
          return s;
        }
        static int max(int[] a) {
          int m = Integer.MIN_VALUE;
          for (int i = 0; i < a.length; i++) { m = Math.max(m, a[i]); } // L:max
          int k = 0;
          for (int i = 0; i < a.length; i++) { if (a[i] > k) k = a[i]; } // L:ifmax
          boolean any = false;
          for (int i = 0; i < a.length; i++) { any = any || a[i] < 0; } // L:or
          return m + k + (any ? 1 : 0);
        }
        static void scale(int[] a, int[] b) {
          for (int i = 0; i < a.length; i++) { a[i] = b[i] * 2; } // L:alias
          for (int i = 0; i < a.length; i++) { a[i] = a[i] * 2; } // L:inplace
          for (int i = 0; i < a.length - 1; i++) { a[i] = b[i + 1]; } // L:aliasshift
          int half = a.length / 2;
          for (int i = 0; i < half; i++) { a[i] = a[i + half]; } // L:symbolic
          for (int i = 1; i < a.length; i++) { a[i] = a[i - 1] + 1; } // L:flow
          for (int i = 0; i < a.length - 1; i++) { a[i] = a[i + 1]; } // L:anti
          for (int i = 0; i < a.length / 2; i++) { a[2 * i] = a[2 * i + 1]; } // L:gcd
          for (int i = 0; i < a.length; i += 2) { a[i] = a[i + 1]; } // L:step
          for (int i = 0; i < a.length; i++) { a[b[i]] = i; } // L:indirect
          int last = 0;
          for (int i = 0; i < a.length; i++) { last = a[i]; } // L:lastout
          System.out.println(last);
          int t;
          for (int i = 0; i < a.length; i++) { t = b[i] * 3; a[i] = t + 1; } // L:private
          int trunc = 0;
          for (int i = 0; i < a.length; i++) { trunc += b[i] * 0.5; } // L:truncating
          int st = b[0];
          for (int i = 0; i < a.length; i += st) { a[i] = i; } // L:symstep
        }
        static int[] hist(int[] data) {
          int[] h = new int[16];
          for (int i = 0; i < data.length; i++) { h[data[i] & 15]++; } // L:hist
          return h;
        }
        static void fresh(int n) {
          int[] x = new int[n];
          int[] y = new int[n];
          for (int i = 0; i < n; i++) { x[i] = y[i] + 1; } // L:freshpair
          double[][] m = new double[n][n];
          for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) { m[i][j] = i * j; } } // L:twod
          for (int i = 1; i < n; i++) { for (int j = 0; j < n; j++) { m[i][j] = m[i - 1][j]; } } // L:twodflow
        }
        static void rows(double[][] p, int n) {
          for (int i = 0; i < n; i++) { p[i][0] = 1; } // L:paramrows
        }
        static List<Integer> evens(int[] a) {
          List<Integer> out = new ArrayList<>();
          for (int i = 0; i < a.length; i++) { if (a[i] % 2 == 0) out.add(a[i]); } // L:append
          StringBuilder sb = new StringBuilder();
          for (int x : a) { sb.append(x).append(','); } // L:builder
          Map<Integer, Integer> freq = new HashMap<>();
          for (int x : a) { freq.merge(x, 1, Integer::sum); } // L:merge
          Map<Integer, Integer> f2 = new HashMap<>();
          for (int x : a) { f2.put(x, f2.getOrDefault(x, 0) + 1); } // L:put
          List<Integer> read = new ArrayList<>();
          for (int i = 0; i < a.length; i++) { read.add(read.size()); } // L:appendread
          return out;
        }
        static void control(int[] a, Set<Integer> s, List<Integer> l) {
          for (int i = 0; i < a.length; i++) { if (a[i] < 0) break; a[i] = 0; } // L:break
          for (int i = 0; i < a.length; i++) { for (int j = 0; j < 3; j++) { if (j == i) break; } a[i] = 1; } // L:innerbreak
          int i = 0;
          while (i < a.length) { a[i] = 0; i++; } // L:while
          for (int k = 0; k < a.length; k++) { a[k] = 0; k++; } // L:indexmod
          for (int x : s) { counter += x; } // L:set
          for (int k = 0; k < 10; k++) { a[k] = k; } // L:small
          for (int k = 0; k < a.length; k++) { System.out.println(a[k]); } // L:io
          for (int k = 0; k < a.length; k++) { synchronized (s) { a[k] = 1; } } // L:sync
          for (int k = 0; k < a.length; k++) { if (a[k] < 0) throw new IllegalStateException(); } // L:throw
          Random r = new Random(1);
          for (int k = 0; k < a.length; k++) { a[k] = r.nextInt(); } // L:random
          for (int k = 0; k < a.length; k++) { bump(); } // L:bump
          for (int k = 0; k < N; k++) { a[k] = k; } // L:constN
        }
        static void bump() { counter++; }
        void field(int n) {
          for (int i = 0; i < n; i++) { own[i] = i; } // L:ownfield
          for (int i = 0; i < n; i++) { counter = i; } // L:static
        }
      }
      """;

  static Map<Integer, String> verdicts;
  static Report report;

  @BeforeAll
  static void analyse(@TempDir Path dir) throws Exception {
    report = Snippets.analyse(dir, "Loops", SOURCE, AnalysisOptions.defaults());
    verdicts = Snippets.verdicts(report);
  }

  static String at(String marker) {
    return verdicts.get(Snippets.lineOf(SOURCE, "// L:" + marker));
  }

  static Region region(String marker) {
    int line = Snippets.lineOf(SOURCE, "// L:" + marker);
    return report.regions().stream().filter(r -> r.location().line() == line).findFirst().orElseThrow();
  }

  @Test
  void scalarReductions() {
    assertEquals("Reduction", at("sum"));
    Accumulator s = region("sum").accumulators().get(0);
    assertEquals("s", s.variable());
    assertEquals("+", s.operator());
    assertEquals("0L", s.identity());
    assertEquals("Reduction", at("max"));
    assertEquals("max", region("max").accumulators().get(0).operator());
    assertEquals("Reduction", at("ifmax"));
    assertEquals("max", region("ifmax").accumulators().get(0).operator());
    assertEquals("Reduction", at("or"));
  }

  @Test
  void floatingPointSumNeedsOptIn() {
    assertEquals("blocked FloatingPointReduction", at("fsum"));
  }

  @Test
  void arraysAndAliasing() {
    assertEquals("DoallLoop", at("alias"));
    assertTrue(region("alias").runtimeChecks().isEmpty(), "a[i] = b[i] is safe even when a == b");
    assertEquals("DoallLoop", at("aliasshift"));
    assertEquals("[a != b]", region("aliasshift").runtimeChecks().toString());
    assertEquals("DoallLoop", at("symbolic"));
    assertEquals("DoallLoop", at("inplace"));
    assertTrue(region("inplace").runtimeChecks().isEmpty());
    assertEquals("blocked LoopCarriedDependence", at("flow"));
    assertEquals("blocked LoopCarriedDependence", at("anti"));
    assertEquals("DoallLoop", at("gcd"));
    assertEquals("DoallLoop", at("step"));
    assertEquals("blocked LoopCarriedDependence", at("indirect"));
    assertEquals("DoallLoop", at("freshpair"));
    assertTrue(region("freshpair").runtimeChecks().isEmpty());
  }

  @Test
  void scalarsCarriedOrPrivate() {
    assertEquals("blocked LoopCarriedDependence", at("lastout"));
    assertEquals("DoallLoop", at("private"));
    assertEquals("blocked LoopCarriedDependence", at("truncating"));
    assertEquals("DoallLoop", at("symstep"));
    assertEquals("[st > 0]", region("symstep").runtimeChecks().toString());
  }

  @Test
  void twoDimensional() {
    assertEquals("DoallLoop", at("twod"));
    assertEquals("blocked LoopCarriedDependence", at("twodflow"));
    assertEquals("blocked MayAlias", at("paramrows"));
    // the inner loop of an accepted loop has no finding of its own
    assertEquals(1, report.regions().stream().filter(r -> r.location().line() == Snippets.lineOf(SOURCE, "// L:twod")).count());
  }

  @Test
  void histogramAndAppends() {
    assertEquals("ArrayReduction", at("hist"));
    assertEquals("OrderedAppend", at("append"));
    assertEquals("OrderedAppend", at("builder"));
    assertEquals("KeyedReduction", at("merge"));
    assertEquals("KeyedReduction", at("put"));
    assertEquals("blocked LoopCarriedDependence", at("appendread"));
  }

  @Test
  void controlAndEffects() {
    assertEquals("blocked EarlyExit", at("break"));
    assertEquals("DoallLoop", at("innerbreak"));
    assertEquals("blocked NonCanonicalLoop, LoopCarriedDependence", at("while"));
    assertEquals("blocked LoopCarriedDependence, NonCanonicalLoop", at("indexmod"));
    assertEquals("blocked NonCanonicalLoop, WritesSharedField", at("set"));
    assertEquals("blocked TooLittleWork", at("small"));
    assertEquals("blocked IoInRegion", at("io"));
    assertEquals("blocked Synchronization", at("sync"));
    assertEquals("blocked EarlyExit, ThrowsException", at("throw"));
    assertEquals("blocked CallsImpureMethod", at("random"));
    assertEquals("blocked CallsImpureMethod", at("bump"));
    assertEquals("DoallLoop", at("constN"));
    assertEquals(100_000 * region("constN").workPerIteration(), region("constN").work());
    assertEquals("DoallLoop", at("ownfield"));
    assertEquals("blocked WritesSharedField", at("static"));
    assertFalse(report.regions().isEmpty());
  }
}
