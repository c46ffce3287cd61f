package dev.weft.cli;

import static dev.weft.cli.MeasureCommandTest.NOTHING_FOUND;
import static dev.weft.cli.MeasureCommandTest.NO_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.MeasureCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft demo} over a corpus of one tiny program, found through {@code weft.home} as the
 * launcher sets it; the analysis and rewrite are stand-ins so that the test takes a few JVM starts.
 * (The real kernels take minutes: {@code ./weft demo} itself is their check.)
 */
class DemoCommandTest {

  @TempDir Path home;

  private String savedHome;

  @BeforeEach
  void corpus() throws IOException {
    Path programs = Files.createDirectories(home.resolve("test-corpus/programs"));
    Files.writeString(programs.resolve("programs.txt"),
        "# test manifest\nsquares Squares 10 demo=3000\nplain Squares\n");
    Path squares = Files.createDirectories(programs.resolve("squares"));
    Files.writeString(squares.resolve("Squares.java"), MeasureCommandTest.SQUARES);
    savedHome = System.setProperty("weft.home", home.toString());
  }

  @AfterEach
  void restore() {
    if (savedHome == null) System.clearProperty("weft.home");
    else System.setProperty("weft.home", savedHome);
  }

  @Test
  void measuresEveryDemoProgramAndEndsWithTheSummaryLine() {
    Run r = MeasureCommandTest.weft(NOTHING_FOUND, NO_CHANGE, "demo", "--runs", "1");

    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches("weft-demo programs=1 identical=1 geomean_speedup=\\d+\\.\\d\\d"),
        r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("squares +3000 +0/0 .*identical")), r.out());
    assertTrue(r.out().contains("geometric-mean speed-up: "), r.out());
    assertTrue(r.err().contains("[1/1 squares] run 2/2 (weft)"), "progress: " + r.err());
  }

  @Test
  void jsonIsOneObjectThenTheSummaryLine() throws IOException {
    Run r = MeasureCommandTest.weft(NOTHING_FOUND, NO_CHANGE, "demo", "--runs", "1", "--json");

    assertEquals(0, r.code(), r.err());
    String out = r.out().stripTrailing();
    int last = out.lastIndexOf('\n');
    assertTrue(out.substring(last + 1).matches("weft-demo programs=1 identical=1 geomean_speedup=\\d+\\.\\d\\d"), out);
    JsonNode json = new ObjectMapper().readTree(out.substring(0, last));
    assertEquals(1, json.get("programs").size());
    JsonNode program = json.get("programs").get(0);
    assertEquals("squares", program.get("program").asText());
    assertEquals("3000", program.get("args").get(0).asText());
    assertTrue(program.get("identical").asBoolean());
    assertEquals(1, json.get("identical").asInt());
    assertTrue(json.get("geomeanSpeedup").asDouble() > 0);
  }

  @Test
  void aProgramThatCannotBeMeasuredGetsARowAndExitCodeOne() {
    // 'plain' is in the manifest but has no sources: named explicitly, it runs with its default args.
    Run r = MeasureCommandTest.weft(NOTHING_FOUND, NO_CHANGE, "demo", "--runs", "1", "--programs", "plain");

    assertEquals(ExitCodes.FAILED, r.code());
    assertTrue(r.out().contains("plain"), r.out());
    assertTrue(r.out().contains("could not be measured"), r.out());
    assertTrue(r.out().stripTrailing().endsWith("weft-demo programs=1 identical=0 geomean_speedup=0.00"), r.out());
  }

  @Test
  void anUnknownProgramNamesTheDemoPrograms() {
    Run r = MeasureCommandTest.weft(NOTHING_FOUND, NO_CHANGE, "demo", "--programs", "nope");
    assertEquals(ExitCodes.FAILED, r.code());
    assertEquals("weft: --programs: no program 'nope'; the demo programs are: squares", r.err().strip());
  }
}
