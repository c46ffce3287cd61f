package dev.weft.analyzer.effects;

import static dev.weft.analyzer.effects.TestProjects.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analyzer.project.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same program always gets the same summaries: the engine's bounds are counts, not time, and
 * a summary does not depend on which query reached its method first.
 */
class EffectDeterminismTest {

  /** Members of one call cycle, each writing its own static: converges too slowly, is widened. */
  static final int RING = 40;

  @TempDir static Path dir;
  static Project project;
  static List<MethodRef> queries = new ArrayList<>();

  @BeforeAll
  static void compile() throws Exception {
    StringBuilder ring = new StringBuilder("package demo;\npublic class Ring {\n");
    for (int i = 0; i < RING; i++) {
      ring.append("  static int s").append(i).append(";\n");
      ring.append("  public static void m").append(i).append("(int n) { s").append(i)
          .append("++; if (n > 0) m").append((i + 1) % RING).append("(n - 1); }\n");
      queries.add(method("demo.Ring", "m" + i, "void", "int"));
    }
    ring.append("}\n");
    project = TestProjects.compile(dir, Map.of(
        "demo/Ring.java", ring.toString(),
        "demo/Mixed.java", """
            package demo;
            import java.util.*;
            public class Mixed {
              static Map<String, Integer> cache = new HashMap<>();
              final BitSet bits = new BitSet();
              public String label(int i) { return String.format("%d-%s", i, bits.get(i)); }
              public static int count(List<String> xs) { int n = 0; for (String x : xs) n += x.length(); return n; }
              public static int cached(String k) { return cache.computeIfAbsent(k, String::length); }
              public static double norm(double[][] m) { double s = 0; for (double[] r : m) for (double v : r) s += v * v; return Math.sqrt(s); }
              public static String joined(List<String> xs) { return String.join(",", new TreeSet<>(xs)); }
              public static int sorted(int[] a) { int[] c = a.clone(); Arrays.sort(c); return c[0]; }
              public static long hashes(Object[] xs) { long h = 0; for (Object x : xs) h += x.hashCode() + Objects.hash(x); return h; }
            }
            """));
    queries.add(method("demo.Mixed", "label", "java.lang.String", "int"));
    queries.add(method("demo.Mixed", "count", "int", "java.util.List"));
    queries.add(method("demo.Mixed", "cached", "int", "java.lang.String"));
    queries.add(method("demo.Mixed", "norm", "double", "double[][]"));
    queries.add(method("demo.Mixed", "joined", "java.lang.String", "java.util.List"));
    queries.add(method("demo.Mixed", "sorted", "int", "int[]"));
    queries.add(method("demo.Mixed", "hashes", "long", "java.lang.Object[]"));
    queries.add(method("java.util.BitSet", "get", "boolean", "int"));
    queries.add(method("java.util.TreeMap", "put", "java.lang.Object", "java.lang.Object", "java.lang.Object"));
    queries.add(method("java.util.Formatter", "format", "java.util.Formatter", "java.lang.String", "java.lang.Object[]"));
  }

  private static Map<MethodRef, EffectSummary> inOrder(List<MethodRef> order) {
    EffectOracle oracle = EffectOracles.forProject(project);
    Map<MethodRef, EffectSummary> out = new LinkedHashMap<>();
    for (MethodRef m : order) {
      out.put(m, oracle.summaryOf(m));
    }
    return out;
  }

  @Test
  void sameSummariesWhateverTheOrderAndTheThreads() throws Exception {
    Map<MethodRef, EffectSummary> forward = inOrder(queries);
    List<MethodRef> reversed = new ArrayList<>(queries);
    Collections.reverse(reversed);
    assertEquals(forward, toMap(reversed, inOrder(reversed)));

    EffectOracle shared = EffectOracles.forProject(project);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EffectSummary>> answers = new ArrayList<>();
      List<MethodRef> asked = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<MethodRef> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, new Random(t));
        for (MethodRef m : shuffled) {
          asked.add(m);
          answers.add(pool.submit(() -> shared.summaryOf(m)));
        }
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(forward.get(asked.get(i)), answers.get(i).get(), asked.get(i)::toString);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<MethodRef, EffectSummary> toMap(List<MethodRef> order, Map<MethodRef, EffectSummary> got) {
    Map<MethodRef, EffectSummary> out = new LinkedHashMap<>();
    queries.forEach(m -> out.put(m, got.get(m)));
    return out;
  }

  @Test
  void aCycleThatConvergesSlowlyIsWidenedSoundly() {
    EffectSummary s = inOrder(queries.subList(0, 1)).values().iterator().next();
    for (int i = 0; i < RING; i++) {
      assertTrue(s.writes().contains(Access.staticField("demo.Ring", "s" + i)), s::toString);
    }
    assertFalse(s.flags().contains(EffectFlag.UNKNOWN), s::toString);
  }
}
