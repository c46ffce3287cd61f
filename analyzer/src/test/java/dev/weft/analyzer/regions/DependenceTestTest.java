package dev.weft.analyzer.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** GCD, distance and Banerjee cases of the dependence test on affine subscripts. */
class DependenceTestTest {

  static Affine index(long coefficient, long constant) {
    return new Affine(constant, ImmutableMap.of(Affine.INDEX, coefficient));
  }

  static final DependenceTest.Space UNKNOWN = DependenceTest.Space.unknown(1);

  static DependenceTest.Space known(long lo, long step, long trips) {
    return new DependenceTest.Space(OptionalLong.of(lo), step, OptionalLong.of(trips));
  }

  @Test
  void sameElementInOneIterationOnly() {
    assertTrue(DependenceTest.test(index(1, 0), index(1, 0), UNKNOWN).independent());
  }

  @Test
  void distanceOneIsCarried() {
    DependenceTest.Result r = DependenceTest.test(index(1, 0), index(1, -1), UNKNOWN);
    assertFalse(r.independent());
    assertEquals("dependence distance 1", r.reason());
  }

  @Test
  void distanceBeyondTripCountIsIndependent() {
    assertTrue(DependenceTest.test(index(1, 0), index(1, 10), known(0, 1, 10)).independent());
    assertFalse(DependenceTest.test(index(1, 0), index(1, 9), known(0, 1, 10)).independent());
  }

  @Test
  void gcdSeparatesEvenFromOdd() {
    DependenceTest.Result r = DependenceTest.test(index(2, 0), index(2, 1), UNKNOWN);
    assertTrue(r.independent());
    assertTrue(r.reason().startsWith("GCD test"), r.reason());
  }

  @Test
  void stepTwoMakesOddNeighboursIndependent() {
    // for (i = 0; ; i += 2): a[i] written, a[i + 1] read
    assertTrue(DependenceTest.test(index(1, 0), index(1, 1), new DependenceTest.Space(OptionalLong.of(0), 2, OptionalLong.empty())).independent());
    // ...but a[i + 2] is the next iteration's element
    assertFalse(DependenceTest.test(index(1, 0), index(1, 2), new DependenceTest.Space(OptionalLong.of(0), 2, OptionalLong.empty())).independent());
  }

  @Test
  void differentCoefficientsExactWithKnownBounds() {
    // a[2i] vs a[i] over i in [0, 10): iteration 2 writes a[4], iteration 4 reads a[4]
    assertFalse(DependenceTest.test(index(2, 0), index(1, 0), known(0, 1, 10)).independent());
    // a[2i] vs a[i + 100] over [0, 10): writes reach 18, reads start at 100
    assertTrue(DependenceTest.test(index(2, 0), index(1, 100), known(0, 1, 10)).independent());
  }

  @Test
  void banerjeeForLargeTripCounts() {
    DependenceTest.Result r = DependenceTest.test(index(2, 0), index(1, -5_000_000L), known(0, 1, 2_000_000));
    assertTrue(r.independent());
    assertTrue(r.reason().startsWith("Banerjee"), r.reason());
  }

  @Test
  void constantSubscriptIsTheSameElementEveryIteration() {
    assertFalse(DependenceTest.test(Affine.constant(0), Affine.constant(0), UNKNOWN).independent());
    assertTrue(DependenceTest.test(Affine.constant(0), Affine.constant(1), UNKNOWN).independent());
  }

  @Test
  void symbolsMustCancel() {
    Affine iPlusN = new Affine(0, ImmutableMap.of(Affine.INDEX, 1L, "sym:n", 1L));
    assertFalse(DependenceTest.test(index(1, 0), iPlusN, UNKNOWN).independent());
    assertTrue(DependenceTest.test(iPlusN, iPlusN, UNKNOWN).independent());
    // with i in [0, n) the distance n is at least the trip count
    Affine n = Affine.variable("sym:n");
    assertTrue(DependenceTest.test(index(1, 0), iPlusN, UNKNOWN, Optional.of(n)).independent());
  }

  @Test
  void innerIndicesAreFreeUnknowns() {
    Affine iPlusJ = new Affine(0, ImmutableMap.of(Affine.INDEX, 1L, "inner:j@3", 1L));
    assertFalse(DependenceTest.test(iPlusJ, iPlusJ, UNKNOWN).independent());
    Affine twoIPlusTwoJ = new Affine(0, ImmutableMap.of(Affine.INDEX, 2L, "inner:j@3", 2L));
    assertTrue(DependenceTest.test(twoIPlusTwoJ, new Affine(1, twoIPlusTwoJ.terms()), UNKNOWN).independent());
  }
}
