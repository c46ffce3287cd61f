package dev.weft.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.transformer.RewriteResult.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Idempotence, line endings and encodings, and the compile check that keeps a broken rewrite out. */
class RewriteBehaviourTest {

  static List<String> cases() throws IOException {
    return GoldenTest.cases().toList();
  }

  /**
   * rewrite(rewrite(x)) == rewrite(x): every loop of the rewritten file (except those marked
   * {@code // sequential}, which were never regions), every recursive method, every runtime call
   * statement and every statement of a divide-and-conquer clone is offered as a region again, as an
   * analyzer reading the output could, and nothing changes.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void rewritingTheOutputChangesNothing(String name, @TempDir Path dir) throws IOException {
    GoldenTest.Golden g = GoldenTest.Golden.load(name, dir);
    RewriteResult first = g.rewrite();
    if (first.files().isEmpty() || first.regions().stream().anyMatch(r -> r.status() != Status.REWRITTEN)) return;
    String once = first.files().get(0).newText();
    Files.writeString(dir.resolve(g.relative), once, StandardCharsets.UTF_8);

    CompilationUnit cu = Rewriter.parse(once).orElseThrow();
    List<Region> again = new ArrayList<>();
    // Loops the input leaves sequential say so on their line; all others come from rewritten regions.
    List<String> lines = once.lines().toList();
    cu.findAll(Statement.class).stream()
        .filter(s -> (s instanceof ForStmt || s instanceof ForEachStmt)
            && !lines.get(s.getBegin().get().line - 1).contains("// sequential"))
        .forEach(f -> again.add(region(RegionKind.DOALL_LOOP, g.relative, f.getBegin().get().line)));
    cu.findAll(MethodDeclaration.class).stream()
        .filter(m -> m.findAll(MethodCallExpr.class).stream().filter(c -> c.getNameAsString().equals(m.getNameAsString())).count() >= 2)
        .forEach(m -> again.add(region(RegionKind.DIVIDE_AND_CONQUER, g.relative, m.getName().getBegin().get().line)));
    // A divide-and-conquer clone calls the guarded method twice: an analyzer could offer it as a
    // recursion (through the guarded method) and its two calls as independent calls.
    cu.findAll(MethodDeclaration.class).stream()
        .filter(m -> m.getComment().filter(c -> c.getContent().contains(" as written: ")).isPresent())
        .forEach(m -> {
          again.add(region(RegionKind.DIVIDE_AND_CONQUER, g.relative, m.getName().getBegin().get().line));
          m.getBody().orElseThrow().getStatements()
              .forEach(s -> again.add(region(RegionKind.INDEPENDENT_CALLS, g.relative, s.getBegin().get().line)));
        });
    cu.findAll(Statement.class).stream()
        .filter(s -> s.isExpressionStmt() && s.asExpressionStmt().getExpression() instanceof MethodCallExpr c
            && c.getScope().map(x -> x.toString().endsWith("Weft")).orElse(false))
        .forEach(s -> again.add(region(RegionKind.INDEPENDENT_CALLS, g.relative, s.getBegin().get().line)));
    again.sort((a, b) -> a.location().compareTo(b.location()));

    RewriteResult second = new Rewriter(RewriteOptions.defaults().withAllowFpReassociation(true))
        .rewrite(dir, RegionSpec.report(dir, again));
    assertTrue(second.files().isEmpty(), name + ": second pass changed " + second.files());
    second.regions().forEach(o -> assertEquals(Status.ALREADY_REWRITTEN, o.status(), name + " " + o.region().location() + ": " + o.reason()));
  }

  @Test
  void crlfFilesStayCrlf(@TempDir Path dir) throws IOException {
    GoldenTest.Golden g = GoldenTest.Golden.load("doall_counted", dir);
    Path file = dir.resolve(g.relative);
    Files.writeString(file, g.input.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    RewriteResult result = g.rewrite();
    String expected = Files.readString(GoldenTest.GOLDEN.resolve("doall_counted.output")).replace("\n", "\r\n");
    assertEquals(expected, result.files().get(0).newText());
  }

  @Test
  void latin1BytesAndByteOrderMarksSurvive(@TempDir Path dir) throws IOException {
    String source = "// caf\u00e9 au lait\nclass Cafe {\n  static void f(int[] a) {\n"
        + "    for (int i = 0; i < a.length; i++) a[i] = i; // \u00e9t\u00e9\n  }\n}\n";
    Path file = dir.resolve("Cafe.java");
    Files.write(file, source.getBytes(StandardCharsets.ISO_8859_1));
    Region r = region(RegionKind.DOALL_LOOP, "Cafe.java", 4);
    RewriteResult result = new Rewriter(RewriteOptions.defaults()).rewrite(dir, RegionSpec.report(dir, List.of(r)));
    RewriteResult.FileChange change = result.files().get(0);
    assertEquals(StandardCharsets.ISO_8859_1, change.charset());
    byte[] written = change.newText().getBytes(change.charset());
    assertTrue(new String(written, StandardCharsets.ISO_8859_1).contains("}); // \u00e9t\u00e9"));
    assertEquals(change.newText().length(), written.length, "one byte per character, as read");
    assertTrue(new String(written, StandardCharsets.ISO_8859_1).contains("// caf\u00e9 au lait"));

    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] utf8 = source.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    Files.write(file, withBom);
    RewriteResult.FileChange again = new Rewriter(RewriteOptions.defaults()).rewrite(dir, RegionSpec.report(dir, List.of(r))).files().get(0);
    assertTrue(again.byteOrderMark());
    assertEquals(StandardCharsets.UTF_8, again.charset());
    dev.weft.transformer.output.TreeWriter.writeInPlace(dir, List.of(again));
    byte[] onDisk = Files.readAllBytes(file);
    assertArrayEquals(bom, java.util.Arrays.copyOf(onDisk, 3));
    assertEquals(again.newText(), new String(onDisk, 3, onDisk.length - 3, StandardCharsets.UTF_8));
  }

  /**
   * A region the analyzer would never accept (the body increments a local) gives a rewrite that
   * cannot compile: the compile check reports it as a failure, and the file is not among the
   * changes to write.
   */
  @Test
  void aRewriteThatDoesNotCompileIsReportedAndNeverWritten(@TempDir Path dir) throws IOException {
    String source = "class Broken {\n  static int count(int[] a) {\n    int n = 0;\n"
        + "    for (int i = 0; i < a.length; i++) {\n      n++;\n    }\n    return n;\n  }\n}\n";
    Files.writeString(dir.resolve("Broken.java"), source);
    Region bogus = region(RegionKind.DOALL_LOOP, "Broken.java", 4);
    RewriteResult result = new Rewriter(RewriteOptions.defaults()).rewrite(dir, RegionSpec.report(dir, List.of(bogus)));
    assertTrue(result.files().isEmpty(), "a rewrite that does not compile must not be offered for writing");
    assertEquals(Status.FAILED, result.regions().get(0).status());
    assertTrue(result.regions().get(0).reason().contains("does not compile"), result.regions().get(0).reason());
    assertEquals(1, result.rejected().size());
    assertTrue(result.rejected().get(0).newText().contains("Weft.forRange"));
    assertEquals(source, Files.readString(dir.resolve("Broken.java")), "the file on disk is untouched");
  }

  static Region region(RegionKind kind, String file, int line) {
    return new Region(kind, new SourceLocation(file, line, 0), "test", 100_000, 10, null, ImmutableList.of(),
        ImmutableList.of(), ImmutableList.of("claimed by the test"), ImmutableList.of(), false);
  }
}
