package dev.weft.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturesTest {

  static final String SOURCE = """
      package p;
      import java.util.*;
      public class Outer {
        static class Inner<T extends Comparable<T>> {
          Inner(int x) {}
          T pick(T[] xs, List<? extends Number> ns, int... rest) { return xs[0]; }
        }
        record Point(int x, int y) {}
        void use(Inner<String> in, String[] s) {
          in.pick(s, List.of(1), 1, 2);
          new Inner<String>(3);
          Math.sqrt(2.0);
          new HashMap<String, Integer>().merge("a", 1, Integer::sum);
          new Point(1, 2).x();
        }
      }
      """;

  @Test
  void resolvedDeclarationsBecomeBytecodeSignatures(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("p"));
    Path file = dir.resolve("p/Outer.java");
    Files.writeString(file, SOURCE);
    Project project = new Project(dir, ImmutableList.of(dir), ImmutableList.of(file), ImmutableList.of(), ImmutableList.of());
    SourceModel.Parsed parsed = new SourceModel(project).parse(file);
    CompilationUnit cu = parsed.unit();
    var calls = cu.findAll(MethodCallExpr.class);
    assertEquals("<p.Outer$Inner: java.lang.Comparable pick(java.lang.Comparable[],java.util.List,int[])>",
        Signatures.of(calls.get(0).resolve()).sootSignature());
    assertEquals("<java.lang.Math: double sqrt(double)>", Signatures.of(calls.stream()
        .filter(c -> c.getNameAsString().equals("sqrt")).findFirst().orElseThrow().resolve()).sootSignature());
    assertEquals("<java.util.HashMap: java.lang.Object merge(java.lang.Object,java.lang.Object,java.util.function.BiFunction)>",
        Signatures.of(calls.stream().filter(c -> c.getNameAsString().equals("merge")).findFirst().orElseThrow().resolve()).sootSignature());
    assertEquals("<p.Outer$Inner: void <init>(int)>",
        Signatures.of(cu.findAll(ObjectCreationExpr.class).get(0).resolve()).sootSignature());
    assertEquals("<p.Outer$Point: int x()>", Signatures.of(calls.stream()
        .filter(c -> c.getNameAsString().equals("x")).findFirst().orElseThrow().resolve()).sootSignature());
  }

  @Test
  void aFileThatDoesNotParseIsAProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Broken.java");
    Files.writeString(file, "class Broken {\n  void f( {\n}\n");
    Project project = new Project(dir, ImmutableList.of(dir), ImmutableList.of(file), ImmutableList.of(), ImmutableList.of());
    SourceModel.Parsed parsed = new SourceModel(project).parse(file);
    assertEquals("Broken.java", parsed.problem().file());
    assertEquals(2, parsed.problem().line());
  }
}
