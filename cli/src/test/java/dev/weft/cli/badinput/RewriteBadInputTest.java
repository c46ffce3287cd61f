package dev.weft.cli.badinput;

import static dev.weft.cli.badinput.BadInputs.snapshot;
import static dev.weft.cli.badinput.BadInputs.sum;
import static dev.weft.cli.badinput.BadInputs.unresolvedUses;
import static dev.weft.cli.badinput.BadInputs.weft;
import static dev.weft.cli.badinput.BadInputs.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.weft.cli.badinput.BadInputs.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft rewrite --write} on bad input: bytes outside the rewritten regions are kept exactly
 * (line endings, byte-order mark), a file it cannot write is a one-line error and leaves every
 * file as it was, and nothing is written outside the tree.
 */
class RewriteBadInputTest {

  @TempDir Path tmp;

  private static Run rewrite(Path dir) {
    return weft("rewrite", dir.toString(), "--write", "--min-work", "0");
  }

  /** The lines of {@code bytes} split after each separator, separators kept. */
  private static String[] linesKeepingEnds(String s) {
    return s.split("(?<=\r\n)|(?<=\n)(?<!\r\n)|(?<=\r)(?!\n)");
  }

  @Test
  void crlfAndMixedLineEndingsAreKeptByteForByteOutsideRegions() throws Exception {
    String original = sum("Mixed");
    StringBuilder b = new StringBuilder();
    String[] lines = original.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      b.append(lines[i]);
      if (i < lines.length - 1) b.append(i % 2 == 0 ? "\r\n" : "\n");
    }
    String mixed = b.toString();
    Path file = write(tmp.resolve("Mixed.java"), mixed);
    write(tmp.resolve("Crlf.java"), sum("Crlf").replace("\n", "\r\n"));
    Run r = rewrite(tmp);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("4 of 4 regions rewritten, 2 files changed (files rewritten in place)."), r.out());

    String after = Files.readString(file, StandardCharsets.UTF_8);
    // Every line of the original outside the two loops (lines 6-8 and 10-12) is in the output
    // with its own line ending, in order.
    String[] old = linesKeepingEnds(mixed);
    int from = 0;
    for (int i = 0; i < old.length; i++) {
      int line = i + 1;
      if ((line >= 6 && line <= 8) || (line >= 10 && line <= 12)) continue;
      int at = after.indexOf(old[i], from);
      assertTrue(at >= 0, "line " + line + " kept with its ending: " + old[i].replace("\r", "\\r").replace("\n", "\\n"));
      from = at + old[i].length();
    }
    String crlf = Files.readString(tmp.resolve("Crlf.java"), StandardCharsets.UTF_8);
    assertFalse(crlf.replace("\r\n", "").contains("\n"), "CRLF file has only CRLF: " + crlf);
    assertFalse(crlf.replace("\r\n", "").contains("\r"), "CRLF file has only CRLF");
    // Idempotent: a second run changes nothing.
    Map<String, String> once = snapshot(tmp);
    Run again = rewrite(tmp);
    assertEquals(0, again.code(), again.err());
    assertEquals(once, snapshot(tmp));
  }

  @Test
  void aByteOrderMarkIsKept() throws Exception {
    Path file = tmp.resolve("Sum.java");
    Files.write(file, AnalyzeBadInputTest.withBom(sum("Sum")));
    Run r = rewrite(tmp);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    byte[] after = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, Arrays.copyOf(after, 3));
    String text = new String(after, 3, after.length - 3, StandardCharsets.UTF_8);
    assertTrue(text.contains("Weft.forRange("), text);
    assertFalse(text.contains("\ufeff"), "exactly one BOM");
  }

  @Test
  void latin1AndBrokenAndEmptyFilesAreLeftAlone() throws Exception {
    byte[] latin1 = ("// caf\u00e9\n" + sum("Cafe")).getBytes(StandardCharsets.ISO_8859_1);
    Files.write(tmp.resolve("Cafe.java"), latin1);
    write(tmp.resolve("Broken.java"), "class Broken {\n  void f( {\n}\n");
    write(tmp.resolve("Empty.java"), "");
    write(tmp.resolve("Sum.java"), sum("Sum"));
    Map<String, String> before = snapshot(tmp);
    Run r = rewrite(tmp);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    Map<String, String> after = snapshot(tmp);
    assertNotEquals(before.get("Sum.java"), after.get("Sum.java"));
    before.remove("Sum.java");
    after.remove("Sum.java");
    assertEquals(before, after, "only Sum.java changes");
    assertArrayEquals(latin1, Files.readAllBytes(tmp.resolve("Cafe.java")));
    // Each file left alone says why, with the problem weft analyze reports (the parser's, not
    // javac's); the empty file is no problem and gets no line.
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of(
            "Broken.java:2: not rewritten: does not parse: Found \"{\", expected one of \")\" \"@\" \"_\" \"abstract\" \"assert\" ...",
            "Cafe.java: not rewritten: not UTF-8",
            "Sum.java:6 DoallLoop: rewritten (ParallelizeCountedLoop)",
            "Sum.java:10 Reduction: rewritten (PrivatizeReduction)",
            "2 of 2 regions rewritten, 1 file changed (files rewritten in place)."),
        lines.subList(0, Math.min(5, lines.size())), r.out());
    assertFalse(r.out().contains("Empty.java"), r.out());
  }

  /** Without an output option stdout is the patch alone: the files left alone are named on stderr. */
  @Test
  void aDryRunNamesTheFilesLeftAloneOnStderr() throws Exception {
    write(tmp.resolve("Broken.java"), "class Broken {\n  void f( {\n}\n");
    write(tmp.resolve("Sum.java"), sum("Sum"));
    Map<String, String> before = snapshot(tmp);
    Run r = weft("rewrite", tmp.toString(), "--min-work", "0");
    assertEquals(0, r.code(), r.err());
    assertEquals(before, snapshot(tmp));
    assertFalse(r.out().contains("not rewritten"), r.out());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("Broken.java:2: not rewritten: does not parse: Found \"{\"")), r.err());
    assertTrue(r.err().contains("2 of 2 regions rewritten, 1 file changed (dry run, nothing written)."), r.err());
  }

  @Test
  void aPathWithSpacesAndNonAsciiCharacters() throws Exception {
    Path dir = tmp.resolve("my project/Ünïcødé dir");
    Path file = write(dir.resolve("Sum.java"), sum("Sum"));
    Run r = rewrite(dir);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(file).contains("Weft.reduceLong("));
    assertEquals(Map.of("my project/Ünïcødé dir/Sum.java", snapshot(tmp).get("my project/Ünïcødé dir/Sum.java")), snapshot(tmp));
  }

  /**
   * A file linked in from outside the tree is analysed but never written, not even by replacing
   * the link with a file: the user's link and the file it points to both stay as they were.
   */
  @Test
  void aSymlinkOutsideTheTreeIsNeverWritten() throws Exception {
    Path project = tmp.resolve("project");
    Path outside = tmp.resolve("outside");
    write(project.resolve("Sum.java"), sum("Sum"));
    write(outside.resolve("Ext.java"), sum("Ext"));
    write(outside.resolve("dir/Far.java"), sum("Far"));
    Files.createSymbolicLink(project.resolve("Ext.java"), outside.resolve("Ext.java"));
    Files.createSymbolicLink(project.resolve("far"), outside.resolve("dir"));
    Map<String, String> outsideBefore = snapshot(outside);
    Map<String, String> projectBefore = snapshot(project);
    Run r = rewrite(project);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    assertEquals(outsideBefore, snapshot(outside), "nothing written outside the tree");
    Map<String, String> after = snapshot(project);
    assertEquals(projectBefore.get("Ext.java"), after.get("Ext.java"), "the link is still the same link");
    assertNotEquals(projectBefore.get("Sum.java"), after.get("Sum.java"));
    assertTrue(r.out().contains("Ext.java: not written: a symbolic link"), r.out());
    assertTemporaryFilesGone(tmp);
  }

  /** Root ignores permission bits; there the case cannot be made, and says so. */
  private static void assumePermissionsApply(Path readOnly) {
    assumeFalse(Files.isWritable(readOnly),
        "running as root (or on a file system without permissions): a read-only " + readOnly.getFileName()
            + " can still be written, so this case is checked only as a normal user");
  }

  @Test
  void aReadOnlyFileIsAOneLineErrorAndNothingChanges() throws Exception {
    write(tmp.resolve("A.java"), sum("A"));
    Path ro = write(tmp.resolve("B.java"), sum("B"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
    assumePermissionsApply(ro);
    Map<String, String> before = snapshot(tmp);
    Run r = rewrite(tmp);
    r.assertOneLineError("B.java");
    assertEquals(before, snapshot(tmp), "every file as it was");
  }

  @Test
  void aReadOnlyDirectoryIsAOneLineErrorAndNothingChanges() throws Exception {
    write(tmp.resolve("A.java"), sum("A"));
    write(tmp.resolve("locked/B.java"), sum("B"));
    Path locked = tmp.resolve("locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumePermissionsApply(locked);
      Map<String, String> before = snapshot(tmp);
      Run r = rewrite(tmp);
      r.assertOneLineError("locked");
      assertEquals(before, snapshot(tmp), "every file as it was");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aMissingClasspathEntryIsAOneLineErrorAndNothingChanges() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    Map<String, String> before = snapshot(tmp);
    Path missing = tmp.resolve("lib/missing.jar");
    Run r = weft("rewrite", tmp.toString(), "--write", "--classpath", missing.toString());
    r.assertOneLineError("classpath entry does not exist: " + missing);
    assertEquals(before, snapshot(tmp));
  }

  @Test
  void aDirectorySymlinkLoopAndModuleInfoAndAnUnresolvedClass() throws Exception {
    write(tmp.resolve("demo/Sum.java"), "package demo;\n\n" + sum("Sum"));
    write(tmp.resolve("module-info.java"), "module demo {\n  exports demo;\n}\n");
    write(tmp.resolve("demo/Uses.java"), unresolvedUses("package demo;\n\n"));
    Files.createSymbolicLink(tmp.resolve("demo/loop"), tmp.resolve("demo"));
    Map<String, String> before = snapshot(tmp);
    Run r = rewrite(tmp);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    Map<String, String> after = snapshot(tmp);
    assertNotEquals(before.get("demo/Sum.java"), after.get("demo/Sum.java"));
    before.remove("demo/Sum.java");
    after.remove("demo/Sum.java");
    assertEquals(before, after, "only demo/Sum.java changes");
  }

  private static final String MODERN = """
      public class Modern {
        sealed interface Shape permits Circle, Square {}
        record Circle(double r) implements Shape {}
        record Square(double side) implements Shape {}

        static double area(Shape s) {
          return switch (s) {
            case Circle c -> Math.PI * c.r() * c.r();
            case Square q -> q.side() * q.side();
          };
        }

        static long total(int[] a) {
          long s = 0;
          for (int i = 0; i < a.length; i++) {
            s += a[i] * 2L;
          }
          return s;
        }
      }
      """;

  /** Java 21 syntax: the analyzer may accept its loops; the rewrite leaves the file as it is. */
  @Test
  void java21CodeIsLeftAsItIs() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    Path modern = write(tmp.resolve("Modern.java"), MODERN);
    Run r = rewrite(tmp);
    r.assertNoStackTrace();
    assertEquals(0, r.code(), r.err());
    assertEquals(MODERN, Files.readString(modern));
    assertTrue(r.out().contains("Sum.java:10 Reduction: rewritten"), r.out());
  }

  @Test
  void java21CodeIsSkippedWithATrueReason() throws Exception {
    write(tmp.resolve("Modern.java"), MODERN);
    Run r = rewrite(tmp);
    assertFalse(r.out().contains("the file does not parse"), r.out());
    assertTrue(r.out().contains("Modern.java:15 Reduction: not rewritten: "), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Modern.java:8: not rewritten: does not compile: ")), r.out());
    assertTrue(r.out().contains("0 of 1 region rewritten, 0 files changed (files rewritten in place)."), r.out());
  }

  /** What a kill between writing the temporary files and moving them leaves behind. */
  @Test
  void temporaryFilesOfAKilledRunAreRemovedByTheNextRun() throws Exception {
    write(tmp.resolve("Sum.java"), sum("Sum"));
    write(tmp.resolve("p/.Other.java.4815162342.weft-tmp"), "half a file");
    write(tmp.resolve(".Sum.java.42.weft-tmp"), "half a file");
    Run r = rewrite(tmp);
    assertEquals(0, r.code(), r.err());
    assertTemporaryFilesGone(tmp);
    assertTrue(Files.readString(tmp.resolve("Sum.java")).contains("Weft.forRange("));
  }

  static void assertTemporaryFilesGone(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      assertEquals(java.util.List.of(), s.filter(p -> p.getFileName().toString().endsWith("tmp")).toList());
    }
  }
}
