package dev.weft.cli.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }

  @Test
  void medianIgnoresOneSlowOutlier() {
    assertEquals(1.0, Stats.median(List.of(1.0, 1.0, 30.0)));
  }

  @Test
  void spreadIsTheSmallestAndLargestValue() {
    assertEquals(new Stats.Spread(0.9, 2.1), Stats.spread(List.of(1.5, 2.1, 0.9, 1.7)));
  }

  @Test
  void geometricMeanOfReciprocalSpeedupsIsOne() {
    assertEquals(1.0, Stats.geometricMean(List.of(2.0, 0.5)), 1e-12);
  }

  @Test
  void geometricMeanIsTheNthRootOfTheProduct() {
    assertEquals(4.0, Stats.geometricMean(List.of(2.0, 8.0)), 1e-12);
    assertEquals(Math.cbrt(1.5 * 1.8 * 2.0), Stats.geometricMean(List.of(1.5, 1.8, 2.0)), 1e-12);
  }

  @Test
  void emptyOrNonPositiveInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Stats.geometricMean(List.of()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Stats.geometricMean(List.of(1.0, 0.0)));
    assertEquals("geometric mean needs positive values, not 0.0", e.getMessage());
  }
}
