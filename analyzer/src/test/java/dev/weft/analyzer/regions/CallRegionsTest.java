package dev.weft.analyzer.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.findings.Report;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Independent calls and divide and conquer, judged with the test oracle (pure* pure, bump* static writes). */
class CallRegionsTest {

  static final String SOURCE = """
      class Calls {
        static int count;
        static long pureSum(int[] a) { long s = 0; for (int x : a) s += x; return s; } // L:loop1
        static long pureFib(int n) {
          return n < 2 ? n : pureFib(n - 1) + pureFib(n - 2);
        }
        static void bumpAll(int n) { for (int i = 0; i < n; i++) count++; } // L:loop2
        static void bumpTree(int n) { if (n > 0) { bumpTree(n - 1); bumpTree(n - 2); count++; } }
        static void fillRange(int[] a, int n) { for (int i = 0; i < n; i++) a[i] = i; } // L:loop3
        static void work(int[] a, int[] b) {
          long x = pureSum(a); // L:indep
          long y = pureSum(b);
          int sep1 = 0;
          bumpAll(3); // L:overlap
          bumpAll(4);
          int sep2 = 0;
          fillRange(a, 1); // L:samearray
          fillRange(a, 2);
          int sep3 = 0;
          long z = pureSum(a); // L:flow
          long w = pureFib((int) z);
          System.out.println(x + y + z + w);
        }
      }
      """;

  static Map<Integer, String> verdicts;

  @BeforeAll
  static void analyse(@TempDir Path dir) throws Exception {
    Report r = Snippets.analyse(dir, "Calls", SOURCE, AnalysisOptions.defaults());
    verdicts = Snippets.verdicts(r);
  }

  static String at(String marker) {
    return verdicts.get(Snippets.lineOf(SOURCE, "// L:" + marker));
  }

  @Test
  void pureCallsAreIndependent() {
    assertEquals("IndependentCalls", at("indep"));
  }

  @Test
  void callsWritingTheSameStaticOverlap() {
    assertEquals("blocked OverlappingEffects", at("overlap"));
    assertEquals("blocked OverlappingEffects", at("samearray"));
  }

  @Test
  void aCallUsingTheResultOfTheOneBeforeOverlaps() {
    assertEquals("blocked OverlappingEffects", at("flow"));
  }

  @Test
  void recursion() {
    assertEquals("DivideAndConquer", verdicts.get(Snippets.lineOf(SOURCE, "static long pureFib")));
    assertEquals("blocked OverlappingEffects", verdicts.get(Snippets.lineOf(SOURCE, "static void bumpTree")));
    // the self-calls are not also independent-call candidates
    assertNull(verdicts.get(Snippets.lineOf(SOURCE, "return n < 2")));
  }
}
