package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fuzz.Differential.Outcome;
import dev.weft.fuzz.Differential.Verdict;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI share of the fuzzer (issue 6): a fixed-seed batch of generated programs, and every shrunk
 * regression case in {@code src/test/resources/fuzz-regressions}, through the whole differential
 * check (analyse, rewrite, compile, run with 1, 2 and 4 workers). {@code -Dweft.fuzz.count=N}
 * changes the batch size; {@code test-corpus/fuzz SEED COUNT} runs larger campaigns.
 */
class FuzzBatchTest {

  /** Fixed, so CI is reproducible; the campaign covers other seeds. */
  private static final long SEED = 20_261_127L;
  private static final int COUNT = Integer.getInteger("weft.fuzz.count", 16);

  @TempDir static Path work;
  private static Differential differential;

  @BeforeAll
  static void setUp() {
    differential = new Differential(work, 30);
  }

  @Test
  void generatorIsDeterministicAndSeedsDiffer() {
    assertEquals(ProgramGenerator.generate(7), ProgramGenerator.generate(7));
    assertNotEquals(ProgramGenerator.generate(7), ProgramGenerator.generate(8));
  }

  @TestFactory
  Stream<DynamicTest> generatedProgramsBehaveTheSameAfterRewrite() {
    return LongStream.range(SEED, SEED + COUNT).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
      Verdict v = differential.check(ProgramGenerator.generate(seed));
      assertEquals(Outcome.PASS, v.outcome(), "seed " + seed + ": " + v.detail()
          + " (reproduce: test-corpus/fuzz " + seed + " 1)");
      assertTrue(v.regions() > 0, "seed " + seed + ": no accepted region, the check proved nothing");
    }));
  }

  @TestFactory
  Stream<DynamicTest> regressionCases() {
    return Regressions.load(Regressions.DIR).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Verdict v = differential.check(c.source());
      // an open case is a known bug: run it, report its verdict, but do not fail CI on it
      Assumptions.assumeFalse(c.open(), c.name() + " is open (" + c.header() + "); now: " + v.outcome() + " " + v.detail());
      assertEquals(Outcome.PASS, v.outcome(), c.name() + ": " + v.detail());
    }));
  }
}
