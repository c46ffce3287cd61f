package dev.weft.analyzer.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.Report;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flattened 2-D arrays: {@code a[i*n + j]} is row {@code i} when {@code j} stays in {@code [0, n)}. */
class FlattenedRowsTest {

  static final String SOURCE = """
      class Flat {
        static void mul(double[] a, double[] b, double[] c, int n) {
          for (int i = 0; i < n; i++) { // L:matmul
            for (int j = 0; j < n; j++) {
              double s = 0;
              for (int k = 0; k < n; k++) { s += a[i * n + k] * b[k * n + j]; }
              c[i * n + j] = s;
            }
          }
        }
        static void rows(int[] a, int n, int m) {
          for (int i = 0; i < m; i++) { for (int j = 0; j < n; j++) { a[i * n + j] = a[i * n + j] + 1; } } // L:inplace
          for (int i = 0; i < m; i++) { for (int j = 0; j < n; j++) { a[n * i + j] = j; } } // L:commuted
          for (int i = 0; i < m; i++) { for (int j = 0; j <= n; j++) { a[i * n + j] = j; } } // L:inclusive
          for (int i = 0; i < m; i++) { for (int j = 0; j < n + 1; j++) { a[i * n + j] = j; } } // L:wider
          for (int i = 0; i < m; i++) { for (int j = 0; j < n; j++) { a[i * n + j + 1] = j; } } // L:shifted
          for (int i = 1; i < m; i++) { for (int j = 0; j < n; j++) { a[i * n + j] = a[(i - 1) * n + j]; } } // L:prevrow
          for (int i = 0; i < m; i++) { for (int j = 0; j < n; j++) { a[i * m + j] = j; } } // L:otherstride
          for (int i = 0; i < m; i++) { for (int j = 0; j < n; j++) { a[i * n + j] = j; j++; } } // L:jmodified
          for (int i = 0; i < m; i++) { a[i * n] = i; } // L:rowstart
          for (int i = 0; i < m; i++) { for (int j = 0; j < 2 * n; j++) { a[2 * i * n + j] = j; } } // L:doublestride
        }
      }
      """;

  static Map<Integer, String> verdicts;
  static Report report;

  @BeforeAll
  static void analyse(@TempDir Path dir) throws Exception {
    report = Snippets.analyse(dir, "Flat", SOURCE, AnalysisOptions.defaults());
    verdicts = Snippets.verdicts(report);
  }

  static String at(String marker) {
    return verdicts.get(Snippets.lineOf(SOURCE, "// L:" + marker));
  }

  @Test
  void matrixMultiplyOnFlatArraysIsARegion() {
    assertEquals("DoallLoop", at("matmul"));
    Region r = report.regions().stream()
        .filter(g -> g.location().line() == Snippets.lineOf(SOURCE, "// L:matmul")).findFirst().orElseThrow();
    // c == a would still be safe (row i of c meets only row i of a, in the same iteration);
    // c == b is not (b is read down a column)
    assertEquals("[c != b]", r.runtimeChecks().toString());
    assertTrue(r.facts().stream().anyMatch(f -> f.contains("rows of n elements")), r.facts().toString());
  }

  @Test
  void rowsOfTheStrideAreDisjoint() {
    assertEquals("DoallLoop", at("inplace"));
    assertEquals("DoallLoop", at("commuted"));
    assertEquals("DoallLoop", at("doublestride"));
  }

  @Test
  void anInnerRangeWiderThanTheStrideIsNotProven() {
    assertEquals("blocked LoopCarriedDependence", at("inclusive"));
    assertEquals("blocked LoopCarriedDependence", at("wider"));
    assertEquals("blocked LoopCarriedDependence", at("shifted"));
    assertEquals("blocked LoopCarriedDependence", at("prevrow"));
    assertEquals("blocked LoopCarriedDependence", at("otherstride"));
    // j++ in the body: the range of j is not known (and the loop itself is not canonical)
    assertTrue(at("jmodified").contains("LoopCarriedDependence"), at("jmodified"));
  }

  @Test
  void aRowStartAloneNeedsTheStrideToBePositive() {
    // with n == 0 every iteration writes a[0]: not proven
    assertEquals("blocked LoopCarriedDependence", at("rowstart"));
  }

  @Test
  void dependenceTestOnStrides() {
    Affine row = new Affine(0, ImmutableMap.of("index*sym:n", 1L, "inner:j@1", 1L));
    DependenceTest.Range j = new DependenceTest.Range(Affine.constant(0), Affine.variable("sym:n"));
    DependenceTest.Space space = DependenceTest.Space.unknown(1);
    assertTrue(DependenceTest.test(row, row, space, Optional.empty(), Map.of("inner:j@1", j)).independent());
    // without the range of j nothing is proven
    assertEquals(false, DependenceTest.test(row, row, space, Optional.empty(), Map.of()).independent());
    // j in [1, n + 1): one past the row
    DependenceTest.Range past = new DependenceTest.Range(Affine.constant(1), Affine.variable("sym:n").plus(Affine.constant(1), 1));
    assertEquals(false, DependenceTest.test(row, row, space, Optional.empty(), Map.of("inner:j@1", past)).independent());
  }
}
