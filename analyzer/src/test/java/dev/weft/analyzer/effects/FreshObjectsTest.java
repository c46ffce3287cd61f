package dev.weft.analyzer.effects;

import static dev.weft.analyzer.effects.TestProjects.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects a method allocates stay private to it (DESIGN.md §2, "Effects"): the rows of
 * multi-dimensional arrays, rows stored into a fresh array, copies, and exceptions it throws;
 * and they stop being private as soon as they escape.
 */
class FreshObjectsTest {

  @TempDir static Path dir;
  static EffectOracle oracle;

  @BeforeAll
  static void compile() throws Exception {
    oracle = EffectOracles.forProject(TestProjects.compile(dir, Map.of(
        "demo/Fresh.java", """
            package demo;
            import java.util.Arrays;
            public class Fresh {
              static double[][] shared;
              public static double[][] matrix(int n) {
                double[][] m = new double[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = i + j;
                return m;
              }
              public static double rows(int n) {
                double[][] m = new double[n][];
                for (int i = 0; i < n; i++) { m[i] = new double[n]; m[i][i] = 1; }
                return m[0][0];
              }
              public static double[] copy(double[] a) { double[] c = Arrays.copyOf(a, a.length); c[0] = 1; return c; }
              public static double[] range(double[] a) { double[] c = Arrays.copyOfRange(a, 0, 2); c[0] = 1; return c; }
              public static double[] cloned(double[] a) { double[] c = a.clone(); c[0] = 1; return c; }
              public static double[] viaArraycopy(double[] a) {
                double[] c = new double[a.length];
                System.arraycopy(a, 0, c, 0, a.length);
                c[0] = 2;
                return c;
              }
              public static void check(double x) throws java.io.IOException {
                if (x < 0) throw new java.io.IOException("negative: " + x);
              }
              public static double checked(double x) {
                if (x < 0) throw new IllegalArgumentException("negative");
                return Math.sqrt(x);
              }
              public static void leak(int n) { double[][] m = new double[n][n]; shared = m; m[0][0] = 1; }
              public static void rowIntoParameter(double[][] p, int n) { double[] r = new double[n]; p[0] = r; r[0] = 1; }
              public static void rowsCopiedIntoParameter(double[][] dst, int n) {
                double[][] src = new double[1][n];
                System.arraycopy(src, 0, dst, 0, 1);
                src[0][0] = 5;
              }
              public static void fillRows(int n) { double[][] m = new double[n][n]; for (double[] r : m) Arrays.fill(r, 1); }
              public static void fillCopy(double[][] p) { double[][] c = p.clone(); Arrays.fill(c[0], 1); }
            }
            """,
        "demo/Holder.java", """
            package demo;
            public class Holder {
              static Object global;
              int[] data;
              java.util.List<Object> items;
              public void init(int n) { data = new int[n]; data[0] = 1; int[] d = new int[n]; data = d; d[1] = 2; }
              public void keep(Object o) { items = new java.util.ArrayList<>(); items.add(o); }
              public void keepGlobal() { items = new java.util.ArrayList<>(); items.add(global); }
              public static int use(Object o) { Holder h = new Holder(); h.keep(o); return h.items.size(); }
              public static int useGlobal() { Holder h = new Holder(); h.keepGlobal(); h.items.add(null); return 0; }
            }
            """)));
  }

  private static EffectSummary of(String name, String ret, String... params) {
    return oracle.summaryOf(method("demo.Fresh", name, ret, params));
  }

  @Test
  void multiDimensionalAllocationIsPrivate() {
    assertTrue(of("matrix", "double[][]", "int").isPure(), () -> of("matrix", "double[][]", "int").toString());
    assertTrue(of("fillRows", "void", "int").isPure(), () -> of("fillRows", "void", "int").toString());
  }

  @Test
  void rowsStoredIntoAFreshArrayArePrivate() {
    assertTrue(of("rows", "double", "int").isPure(), () -> of("rows", "double", "int").toString());
  }

  @Test
  void copiesAreFresh() {
    for (String m : new String[] {"copy", "range", "cloned", "viaArraycopy"}) {
      EffectSummary s = of(m, "double[]", "double[]");
      assertTrue(s.isPure(), s::toString);
    }
  }

  @Test
  void constructingAnExceptionIsNotIo() {
    EffectSummary s = of("check", "void", "double");
    assertEquals(ImmutableSet.of(EffectFlag.THROWS), s.flags(), s::toString);
    assertTrue(s.writes().isEmpty(), s::toString);
    EffectSummary checked = of("checked", "double", "double");
    assertEquals(ImmutableSet.of(EffectFlag.THROWS), checked.flags(), checked::toString);
    assertTrue(checked.writes().isEmpty(), checked::toString);
  }

  @Test
  void anArrayStoredInAStaticIsShared() {
    EffectSummary s = of("leak", "void", "int");
    assertTrue(s.writes().contains(Access.staticField("demo.Fresh", "shared")), s::toString);
    assertTrue(s.writes().contains(Access.arrayElement(Base.UNKNOWN, "double")), s::toString);
  }

  @Test
  void aRowStoredIntoAParameterBecomesPartOfIt() {
    // Writing the row after storing it writes the parameter's rows: the caller's argument.
    EffectSummary s = of("rowIntoParameter", "void", "double[][]", "int");
    assertEquals(
        ImmutableSet.of("parameter 0 []", "parameter 0 [].…"),
        s.writes().stream().map(a -> a.base() + " " + a.name()).collect(ImmutableSet.toImmutableSet()),
        s::toString);
    // Rows copied into the parameter: writing them afterwards writes the caller's array (the
    // analysis also charges an unknown object, since others may replace an owned row).
    EffectSummary copied = of("rowsCopiedIntoParameter", "void", "double[][]", "int");
    assertTrue(copied.writes().stream().anyMatch(a -> a.base().equals(Base.parameter(0)) && a.name().startsWith("[].")), copied::toString);
  }

  @Test
  void anObjectStoredInAFieldOfThisIsPartOfItsState() {
    EffectSummary s = oracle.summaryOf(method("demo.Holder", "init", "void", "int"));
    assertEquals(
        ImmutableSet.of("this data", "this data[]"),
        s.writes().stream().map(a -> a.base() + " " + a.name()).collect(ImmutableSet.toImmutableSet()),
        s::toString);
  }

  @Test
  void aFreshObjectHoldingOnlyItsArgumentsIsNoUnknownWrite() {
    // The list keep() allocates is private to the fresh Holder; its argument is the only object
    // from outside. Contents are field-insensitive, so the deep write is also charged to that
    // argument (conservative), never to an unknown object.
    EffectSummary s = oracle.summaryOf(method("demo.Holder", "use", "int", "java.lang.Object"));
    assertTrue(s.writes().stream().allMatch(a -> a.base().equals(Base.parameter(0))), s::toString);
  }

  @Test
  void aFreshObjectHoldingAStaticsValueIsNotPrivateInDepth() {
    // keepGlobal puts a shared object into the list: the caller's deep writes through its fresh
    // Holder may reach it.
    EffectSummary s = oracle.summaryOf(method("demo.Holder", "useGlobal", "int"));
    assertTrue(s.writes().stream().anyMatch(a -> a.base().equals(Base.UNKNOWN)), s::toString);
  }

  @Test
  void aShallowCopySharesItsRows() {
    EffectSummary s = of("fillCopy", "void", "double[][]");
    assertFalse(s.writes().isEmpty(), s::toString);
  }
}
