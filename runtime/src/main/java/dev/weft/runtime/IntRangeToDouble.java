package dev.weft.runtime;

/** Folds iterations [lo, hi) into a partial double result, starting from the identity. Called once per chunk, never per element. */
@FunctionalInterface
public interface IntRangeToDouble {
  double apply(int lo, int hi);
}
