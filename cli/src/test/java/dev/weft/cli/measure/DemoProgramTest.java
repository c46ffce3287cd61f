package dev.weft.cli.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProgramTest {

  @TempDir Path tmp;

  @Test
  void parsesDirMainDefaultArgsAndDemoSizes() {
    List<DemoProgram> programs = DemoProgram.parse(List.of(
        "# comment",
        "",
        "fib Fib demo=42",
        "  matmul   MatMul  7 demo=1400,2  ",
        "sieve Sieve"));
    assertEquals(3, programs.size());
    assertEquals(new DemoProgram("fib", "Fib", ImmutableList.of(), ImmutableList.of("42")), programs.get(0));
    assertEquals(
        new DemoProgram("matmul", "MatMul", ImmutableList.of("7"), ImmutableList.of("1400", "2")),
        programs.get(1));
    assertTrue(programs.get(1).isDemo());
    assertFalse(programs.get(2).isDemo());
  }

  @Test
  void aLineWithoutMainClassNamesItsLineNumber() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DemoProgram.parse(List.of("# header", "fib")));
    assertEquals("programs.txt:2: expected <dir> <MainClass>, got: fib", e.getMessage());
  }

  @Test
  void theBundledManifestHasTheDemoKernels() throws IOException {
    Path manifest = DemoProgram.locateManifest(null, Path.of("")).orElseThrow();
    List<String> demos = DemoProgram.read(manifest).stream().filter(DemoProgram::isDemo).map(DemoProgram::dir).toList();
    assertTrue(demos.containsAll(List.of("matmul", "stencil", "mandelbrot", "nbody", "spectralnorm",
        "histogram", "wordfreq", "statistic", "fib")), demos.toString());
  }

  @Test
  void weftHomeWinsOverTheCurrentDirectory() throws IOException {
    Path home = manifestUnder(tmp.resolve("home"));
    Path other = manifestUnder(tmp.resolve("other"));
    assertEquals(Optional.of(home), DemoProgram.locateManifest(tmp.resolve("home").toString(), other.getParent()));
  }

  @Test
  void withoutWeftHomeTheNearestManifestAboveTheStartIsUsed() throws IOException {
    Path manifest = manifestUnder(tmp.resolve("repo"));
    Path deep = Files.createDirectories(tmp.resolve("repo/cli/src/main"));
    assertEquals(Optional.of(manifest), DemoProgram.locateManifest(null, deep));
    assertEquals(Optional.of(manifest), DemoProgram.locateManifest(tmp.resolve("nowhere").toString(), deep));
  }

  private static Path manifestUnder(Path root) throws IOException {
    Path manifest = root.resolve(DemoProgram.MANIFEST);
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "fib Fib demo=42\n");
    return manifest.toAbsolutePath().normalize();
  }
}
