package dev.weft.analyzer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void mavenModulesAreFoundAndTestsLeftOut(@TempDir Path dir) throws Exception {
    write(dir.resolve("core/src/main/java/a/A.java"), "package a; public class A { public static int f() { return 1; } }");
    write(dir.resolve("app/src/main/java/b/B.java"), "package b; class B { int g() { return a.A.f(); } }");
    write(dir.resolve("app/src/test/java/b/BTest.java"), "package b; class BTest {}");
    LoadedProject p = new ProjectLoader(AnalysisOptions.defaults()).load(dir);
    assertEquals(List.of(dir.resolve("app/src/main/java"), dir.resolve("core/src/main/java")), p.project().sourceRoots());
    assertEquals(2, p.project().javaFiles().size());
    assertTrue(p.problems().isEmpty(), p.problems().toString());
    // no target/classes: compiled in-process into a temporary directory
    assertTrue(p.temporaryClasses().isPresent());
    assertTrue(Files.exists(p.temporaryClasses().get().resolve("b/B.class")));
  }

  @Test
  void plainTreeRootsComeFromPackages(@TempDir Path dir) throws Exception {
    write(dir.resolve("x/p/q/C.java"), "package p.q; class C {}");
    write(dir.resolve("y/D.java"), "class D {}");
    LoadedProject p = new ProjectLoader(AnalysisOptions.defaults()).load(dir);
    assertEquals(List.of(dir.resolve("x"), dir.resolve("y")), p.project().sourceRoots());
  }

  @Test
  void compileErrorsAreProblemsNotFailures(@TempDir Path dir) throws Exception {
    write(dir.resolve("Good.java"), "class Good { int f() { return 1; } }");
    write(dir.resolve("Bad.java"), "class Bad { int f() { return \"no\"; } }");
    LoadedProject p = new ProjectLoader(AnalysisOptions.defaults()).load(dir);
    assertEquals(1, p.problems().size());
    assertEquals("Bad.java", p.problems().get(0).file());
    assertTrue(p.problems().get(0).message().startsWith("does not compile"), p.problems().get(0).message());
    assertTrue(Files.exists(p.temporaryClasses().get().resolve("Good.class")));
  }

  @Test
  void missingDirectoryHasAClearMessage(@TempDir Path dir) {
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> new ProjectLoader(AnalysisOptions.defaults()).load(dir.resolve("nope")));
    assertEquals("no such directory: " + dir.resolve("nope"), e.getMessage());
  }

  @Test
  void fileIsNotADirectory(@TempDir Path dir) throws Exception {
    write(dir.resolve("F.java"), "class F {}");
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> new ProjectLoader(AnalysisOptions.defaults()).load(dir.resolve("F.java")));
    assertTrue(e.getMessage().startsWith("not a directory: "), e.getMessage());
  }

  @Test
  void noJavaFiles(@TempDir Path dir) throws Exception {
    write(dir.resolve("README.md"), "hi");
    AnalysisException e = assertThrows(AnalysisException.class, () -> new ProjectLoader(AnalysisOptions.defaults()).load(dir));
    assertEquals("no Java files under " + dir, e.getMessage());
  }

  /** Compiles the project's sources into a jar, as a release would ship them. */
  private static Path jarOf(Path dir, Path sources, String... files) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("jar-classes"));
    List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
    for (String f : files) args.add(sources.resolve(f).toString());
    assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
    Path jar = dir.resolve("lib.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var walk = Files.walk(classes)) {
      for (Path c : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(c));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aJarOfTheSourcesIsTheProjectsBytecodeAndNothingIsCompiled(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("p/A.java"), "package p; public class A { public static int f() { return 1; } }");
    write(src.resolve("p/B.java"), "package p; class B { int g() { return A.f(); } }");
    Path jar = jarOf(dir, src, "p/A.java", "p/B.java");
    AnalysisOptions options = new AnalysisOptions(
        com.google.common.collect.ImmutableList.of(), com.google.common.collect.ImmutableList.of(jar), false, 1);
    LoadedProject p = new ProjectLoader(options).load(src);
    assertTrue(p.problems().isEmpty(), p.problems().toString());
    // the jar's classes, extracted, are the project's; the jar is no longer a library on the classpath
    assertEquals(p.temporaryClasses().orElseThrow(), p.project().classDirectories().get(0));
    assertTrue(Files.exists(p.project().classDirectories().get(0).resolve("p/B.class")));
    assertTrue(p.project().classpath().isEmpty(), p.project().classpath().toString());
  }

  @Test
  void aJarMissingSomeClassesIsOnlyALibrary(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("p/A.java"), "package p; public class A { public static int f() { return 1; } }");
    Path jar = jarOf(dir, src, "p/A.java");
    write(src.resolve("p/C.java"), "package p; class C { int h() { return A.f(); } }");
    AnalysisOptions options = new AnalysisOptions(
        com.google.common.collect.ImmutableList.of(), com.google.common.collect.ImmutableList.of(jar), false, 1);
    LoadedProject p = new ProjectLoader(options).load(src);
    // compiled in-process against the jar
    assertEquals(List.of(jar), p.project().classpath());
    assertTrue(Files.exists(p.temporaryClasses().orElseThrow().resolve("p/C.class")));
    assertTrue(Files.exists(p.temporaryClasses().orElseThrow().resolve("p/A.class")));
  }

  @Test
  void aJarOlderThanTheSourcesIsNotTrusted(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("p/A.java"), "package p; public class A { public static int f() { return 1; } }");
    Path jar = jarOf(dir, src, "p/A.java");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(src.resolve("p/A.java")).toMillis() - 60_000));
    AnalysisOptions options = new AnalysisOptions(
        com.google.common.collect.ImmutableList.of(), com.google.common.collect.ImmutableList.of(jar), false, 1);
    LoadedProject p = new ProjectLoader(options).load(src);
    assertEquals(List.of(jar), p.project().classpath());
    assertTrue(Files.exists(p.temporaryClasses().orElseThrow().resolve("p/A.class")));
  }
}
