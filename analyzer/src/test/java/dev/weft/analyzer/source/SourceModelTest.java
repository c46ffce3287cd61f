package dev.weft.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceModelTest {

  @Test
  void classesInAClasspathDirectoryResolve(@TempDir Path dir) throws Exception {
    Path libSrc = Files.createDirectories(dir.resolve("lib-src/lib"));
    Files.writeString(libSrc.resolve("L.java"), "package lib; public class L { public static int twice(int x) { return 2 * x; } }");
    Path libClasses = Files.createDirectories(dir.resolve("lib-classes"));
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", libClasses.toString(), libSrc.resolve("L.java").toString()));
    Path src = Files.createDirectories(dir.resolve("src"));
    Path file = src.resolve("U.java");
    Files.writeString(file, "class U { int f() { return lib.L.twice(3); } }");
    Project project = new Project(dir, ImmutableList.of(src), ImmutableList.of(file), ImmutableList.of(libClasses), ImmutableList.of());
    SourceModel.Parsed parsed = new SourceModel(project).parse(file);
    MethodCallExpr call = parsed.unit().findFirst(MethodCallExpr.class).orElseThrow();
    assertEquals("<lib.L: int twice(int)>", Signatures.of(call.resolve()).sootSignature());
  }

  @Test
  void aFileTheSolverAlreadyParsedIsNotParsedAgain(@TempDir Path dir) throws Exception {
    Path file = Files.createDirectories(dir.resolve("p")).resolve("A.java");
    Files.writeString(file, "package p; class A { int f() { return g(); } int g() { return 1; } }");
    Project project = new Project(dir, ImmutableList.of(dir), ImmutableList.of(file), ImmutableList.of(), ImmutableList.of());
    SourceModel model = new SourceModel(project);
    SourceModel.Parsed first = model.parse(file);
    assertNotNull(first.unit());
    // the same unit, from the solver's cache, and it resolves
    assertTrue(first.unit() == model.parse(file).unit());
    assertEquals("<p.A: int g()>", Signatures.of(first.unit().findFirst(MethodCallExpr.class).orElseThrow().resolve()).sootSignature());
  }

  @Test
  void aStatementTheParserRecoveredFromIsStillReported(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("R.java");
    Files.writeString(file, "class R {\n  void f() {\n    int x = ;\n  }\n}\n");
    Project project = new Project(dir, ImmutableList.of(dir), ImmutableList.of(file), ImmutableList.of(), ImmutableList.of());
    SourceModel.Parsed parsed = new SourceModel(project).parse(file);
    assertEquals("R.java", parsed.problem().file());
    assertEquals(3, parsed.problem().line());
  }

  @Test
  void theSolversUnitsAreJava21Trees(@TempDir Path dir) throws Exception {
    Path file = Files.createDirectories(dir.resolve("p")).resolve("V.java");
    Files.writeString(file, "package p; record V(int x) { int f() { var y = x; return y + 1; } }");
    Project project = new Project(dir, ImmutableList.of(dir), ImmutableList.of(file), ImmutableList.of(), ImmutableList.of());
    SourceModel.Parsed parsed = new SourceModel(project).parse(file);
    // the post-processing of Java 10+ ran: var is a VarType, not a class named "var"
    assertTrue(parsed.unit().findFirst(com.github.javaparser.ast.type.VarType.class).isPresent());
    assertTrue(parsed.unit().findFirst(com.github.javaparser.ast.body.RecordDeclaration.class).isPresent());
  }
}
