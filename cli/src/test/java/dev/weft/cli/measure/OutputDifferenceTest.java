package dev.weft.cli.measure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputDifferenceTest {

  private static RunSample run(String stdout, int exit) {
    return new RunSample(stdout.getBytes(UTF_8), exit, 1, 1, "");
  }

  @Test
  void sameBytesAndExitStatusIsNoDifference() {
    assertEquals(Optional.empty(), OutputDifference.between("weft run 1", run("a\nb\n", 0), run("a\nb\n", 0)));
  }

  @Test
  void showsTheFirstDifferingLineOfEach() {
    OutputDifference d =
        OutputDifference.between("weft run 2", run("n=3\nsum=6\nok\n", 0), run("n=3\nsum=7\nok\n", 0)).orElseThrow();
    assertEquals(new OutputDifference("weft run 2", 0, 0, true, 2, "sum=6", "sum=7"), d);
  }

  @Test
  void outputThatStopsEarlyShowsNoLineOnThatSide() {
    OutputDifference d = OutputDifference.between("weft run 1", run("a\nb\n", 0), run("a\n", 1)).orElseThrow();
    assertEquals(2, d.line());
    assertEquals("b", d.referenceLine());
    assertEquals(null, d.otherLine());
    assertEquals(1, d.otherExit());
  }

  @Test
  void aDifferentExitStatusAloneIsADifference() {
    OutputDifference d = OutputDifference.between("weft run 1", run("a\n", 0), run("a\n", 3)).orElseThrow();
    assertFalse(d.stdoutDiffers());
    assertEquals(3, d.otherExit());
  }

  @Test
  void aMissingFinalNewlineIsADifference() {
    OutputDifference d = OutputDifference.between("weft run 1", run("a\n", 0), run("a", 0)).orElseThrow();
    assertTrue(d.stdoutDiffers());
  }
}
