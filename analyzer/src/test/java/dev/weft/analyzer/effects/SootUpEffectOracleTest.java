package dev.weft.analyzer.effects;

import static dev.weft.analyzer.effects.TestProjects.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SootUpEffectOracleTest {

  @TempDir static Path dir;
  static Project project;
  static EffectOracle oracle;

  @BeforeAll
  static void compile() throws Exception {
    project = TestProjects.compile(dir, Map.of(
        "demo/Stats.java", """
            package demo;
            public class Stats {
              static int count;
              public static int pure(int a, int b) { return a * b + Math.abs(a) + (int) Math.sqrt(b); }
              public static void fill(int[] a, int v) { for (int i = 0; i < a.length; i++) a[i] = v; }
              static void bump() { count++; }
              public static void add(int x) { bump(); }
              public static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
              public static boolean even(int n) { count++; return n == 0 || odd(n - 1); }
              static boolean odd(int n) { return n != 0 && even(n - 1); }
              public static int local(int n) { int[] t = new int[n]; t[0] = 1; return t[0]; }
              public static String concat(String a, int b) { return a + b; }
            }
            """,
        "demo/Box.java", """
            package demo;
            public class Box {
              static Box shared = new Box();
              int value;
              Box inner;
              Box getInner() { return inner; }
              static Box getShared() { return shared; }
              public void setViaGetter(int v) { getInner().value = v; }
              public static void setShared(int v) { getShared().value = v; }
            }
            """,
        "demo/Printer.java", """
            package demo;
            public class Printer {
              public static void hello() { System.out.println("hi"); }
            }
            """,
        "demo/Sim.java", """
            package demo;
            import java.util.Random;
            public class Sim {
              final Random rnd = new Random(42);
              public int step() { return rnd.nextInt(10); }
              public static int fresh() { return new Random(1).nextInt(10); }
            }
            """,
        "demo/Shape.java", """
            package demo;
            public class Shape {
              public int area() { return 0; }
              public static int total(Shape s) { return s.area(); }
            }
            class Square extends Shape {
              static int made;
              @Override public int area() { made++; return 1; }
            }
            """,
        "demo/Uses.java", """
            package demo;
            public class Uses {
              public static int call() { return Gone.value(); }
            }
            class Gone { static int value() { return 1; } }
            """));
    // The class file of Gone disappears: its callers must be answered UNKNOWN, not pure.
    Files.delete(project.classDirectories().get(0).resolve("demo/Gone.class"));
    oracle = EffectOracles.forProject(project);
  }

  @Test
  void pureStaticMethod() {
    EffectSummary s = oracle.summaryOf(method("demo.Stats", "pure", "int", "int", "int"));
    assertTrue(s.isPure(), s::toString);
    assertEquals("bytecode", s.source());
  }

  @Test
  void writesTheArrayOfParameterZero() {
    EffectSummary s = oracle.summaryOf(method("demo.Stats", "fill", "void", "int[]", "int"));
    assertEquals(ImmutableList.of(Access.arrayElement(Base.parameter(0), "int")), s.writes().asList());
    assertTrue(s.flags().isEmpty(), s::toString);
  }

  @Test
  void staticCounterBehindTwoCallsCarriesBothFrames() {
    EffectSummary s = oracle.summaryOf(method("demo.Stats", "add", "void", "int"));
    Access count = Access.staticField("demo.Stats", "count");
    assertEquals(ImmutableList.of(count), s.writes().asList());
    assertEquals(
        ImmutableList.of("Stats.add(int)", "Stats.bump()", "writes static Stats.count"),
        s.chains().get(count.toString()));
  }

  @Test
  void writeThroughAGetterReachesTheReceiversState() {
    EffectSummary s = oracle.summaryOf(method("demo.Box", "setViaGetter", "void", "int"));
    assertEquals(1, s.writes().size(), s::toString);
    Access w = s.writes().asList().get(0);
    assertEquals(Base.THIS, w.base());
    assertEquals("inner.value", w.name());
  }

  @Test
  void writeThroughAGetterOfAStaticIsAnUnknownObject() {
    EffectSummary s = oracle.summaryOf(method("demo.Box", "setShared", "void", "int"));
    assertEquals(ImmutableList.of(Access.field(Base.UNKNOWN, "demo.Box", "value")), s.writes().asList());
  }

  @Test
  void printlnIsIoWithItsChain() {
    EffectSummary s = oracle.summaryOf(method("demo.Printer", "hello", "void"));
    assertTrue(s.flags().contains(EffectFlag.IO), s::toString);
    ImmutableList<String> chain = s.chains().get("IO");
    assertEquals("Printer.hello()", chain.get(0));
    assertEquals("PrintStream.println(java.lang.String)", chain.get(1));
    assertTrue(chain.get(2).startsWith("performs I/O (JDK model line"), chain::toString);
  }

  @Test
  void nextIntOnAFieldWritesThatRandomsState() {
    EffectSummary s = oracle.summaryOf(method("demo.Sim", "step", "int"));
    assertEquals(
        ImmutableList.of(new Access(Access.Target.INSTANCE_FIELD, Base.THIS, "java.util.Random", "rnd.*")),
        s.writes().asList());
    ImmutableList<String> chain = s.chains().get("this.rnd.*");
    assertEquals(ImmutableList.of("Sim.step()", "Random.nextInt(int)"), chain.subList(0, 2));
    assertTrue(chain.get(2).startsWith("writes this.* (JDK model line "), chain::toString);
  }

  @Test
  void nextIntOnARandomOfItsOwnIsPure() {
    EffectSummary s = oracle.summaryOf(method("demo.Sim", "fresh", "int"));
    assertTrue(s.isPure(), s::toString);
  }

  @Test
  void recursionReachesAFixedPoint() {
    assertTrue(oracle.summaryOf(method("demo.Stats", "fib", "int", "int")).isPure());
    EffectSummary odd = oracle.summaryOf(method("demo.Stats", "odd", "boolean", "int"));
    Access count = Access.staticField("demo.Stats", "count");
    assertEquals(ImmutableList.of(count), odd.writes().asList());
    assertEquals(
        ImmutableList.of("Stats.odd(int)", "Stats.even(int)", "writes static Stats.count"),
        odd.chains().get(count.toString()));
  }

  @Test
  void virtualCallCoversTheProjectOverride() {
    EffectSummary s = oracle.summaryOf(method("demo.Shape", "total", "int", "demo.Shape"));
    Access made = Access.staticField("demo.Square", "made");
    assertEquals(ImmutableList.of(made), s.writes().asList());
    assertEquals(
        ImmutableList.of("Shape.total(demo.Shape)", "Square.area()", "writes static Square.made"),
        s.chains().get(made.toString()));
  }

  @Test
  void localArraysAndStringConcatenationArePure() {
    EffectSummary local = oracle.summaryOf(method("demo.Stats", "local", "int", "int"));
    assertTrue(local.isPure(), local::toString);
    EffectSummary concat = oracle.summaryOf(method("demo.Stats", "concat", "java.lang.String", "java.lang.String", "int"));
    assertTrue(concat.isPure(), concat::toString);
  }

  @Test
  void jdkMethodsAnsweredByTheModel() {
    EffectSummary sqrt = oracle.summaryOf(method("java.lang.Math", "sqrt", "double", "double"));
    assertTrue(sqrt.isPure());
    assertEquals("model", sqrt.source());
    EffectSummary add = oracle.summaryOf(method("java.util.ArrayList", "add", "boolean", "java.lang.Object"));
    assertEquals(ImmutableList.of(Access.field(Base.THIS, "java.util.ArrayList", "*")), add.writes().asList());
    EffectSummary copy = oracle.summaryOf(method("java.lang.System", "arraycopy", "void",
        "java.lang.Object", "int", "java.lang.Object", "int", "int"));
    assertEquals(Base.parameter(2), copy.writes().asList().get(0).base());
  }

  @Test
  void missingClassIsUnknownNeverPure() {
    EffectSummary s = oracle.summaryOf(method("demo.Uses", "call", "int"));
    assertFalse(s.isPure());
    assertTrue(s.flags().contains(EffectFlag.UNKNOWN), s::toString);
    assertTrue(s.chains().get("UNKNOWN").get(0).equals("Uses.call()"), s::toString);
  }

  @Test
  void jdkMethodOutsideTheModelComesFromItsBytecode() {
    EffectSummary s = oracle.summaryOf(method("java.util.BitSet", "get", "boolean", "int"));
    assertEquals("bytecode", s.source(), s::toString);
    assertTrue(s.writes().isEmpty(), s::toString);
  }

  @Test
  void concurrentQueriesGetTheSameAnswers() throws Exception {
    EffectOracle fresh = EffectOracles.forProject(project);
    MethodRef add = method("demo.Stats", "add", "void", "int");
    MethodRef total = method("demo.Shape", "total", "int", "demo.Shape");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<EffectSummary>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> fresh.summaryOf(add)));
        answers.add(pool.submit(() -> fresh.summaryOf(total)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(oracle.summaryOf(i % 2 == 0 ? add : total), answers.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
