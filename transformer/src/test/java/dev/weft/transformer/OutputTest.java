package dev.weft.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transformer.RewriteResult.FileChange;
import dev.weft.transformer.output.RuntimeDependency;
import dev.weft.transformer.output.TreeWriter;
import dev.weft.transformer.output.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff, the writers (in place and copy, unchanged files untouched) and the pom edit. */
class OutputTest {

  private static final String BEFORE = "class A {\n  int x;\n}\n";
  private static final String AFTER = "class A {\n  int y;\n}\n";

  @Test
  void diffIsGitStyleUnified() {
    String diff = UnifiedDiff.of(List.of(new FileChange("src/A.java", BEFORE, AFTER, StandardCharsets.UTF_8, false)));
    assertEquals("--- a/src/A.java\n+++ b/src/A.java\n@@ -1,3 +1,3 @@\n class A {\n-  int x;\n+  int y;\n }\n", diff);
  }

  @Test
  void writesOnlyChangedFilesInPlaceAndCopies(@TempDir Path dir) throws IOException {
    Path project = Files.createDirectories(dir.resolve("p"));
    Files.writeString(project.resolve("A.java"), BEFORE);
    Files.writeString(project.resolve("B.java"), "class B {}\n");
    FileTime old = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(project.resolve("B.java"), old);
    List<FileChange> changes = List.of(new FileChange("A.java", BEFORE, AFTER, StandardCharsets.UTF_8, false));

    Path copy = dir.resolve("copy");
    TreeWriter.writeCopy(project, copy, changes);
    assertEquals(AFTER, Files.readString(copy.resolve("A.java")));
    assertEquals("class B {}\n", Files.readString(copy.resolve("B.java")));
    assertEquals(BEFORE, Files.readString(project.resolve("A.java")), "--out leaves the project alone");

    TreeWriter.writeInPlace(project, changes);
    assertEquals(AFTER, Files.readString(project.resolve("A.java")));
    assertEquals(old, Files.getLastModifiedTime(project.resolve("B.java")), "unchanged files are not touched");
    try (var files = Files.list(project)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".weft-tmp")), "no temporary file left");
    }
  }

  @Test
  void addsTheRuntimeDependencyOnce(@TempDir Path dir) throws IOException {
    Path pom = dir.resolve("pom.xml");
    Files.writeString(pom, "<project>\n  <dependencyManagement>\n    <dependencies>\n    </dependencies>\n"
        + "  </dependencyManagement>\n  <dependencies>\n    <dependency>\n      <artifactId>x</artifactId>\n"
        + "    </dependency>\n  </dependencies>\n</project>\n");
    FileChange change = RuntimeDependency.addTo(dir, pom).orElseThrow();
    assertEquals("<project>\n  <dependencyManagement>\n    <dependencies>\n    </dependencies>\n"
        + "  </dependencyManagement>\n  <dependencies>\n    <dependency>\n      <artifactId>x</artifactId>\n"
        + "    </dependency>\n    <dependency>\n      <groupId>dev.weft</groupId>\n"
        + "      <artifactId>weft-runtime</artifactId>\n      <version>0.1.0-SNAPSHOT</version>\n"
        + "    </dependency>\n  </dependencies>\n</project>\n", change.newText());
    Files.writeString(pom, change.newText());
    assertTrue(RuntimeDependency.addTo(dir, pom).isEmpty(), "already there: no second entry");
  }
}
