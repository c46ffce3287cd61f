package dev.weft.runtime;

/** Folds iterations [lo, hi) into a partial int result, starting from the identity. Called once per chunk, never per element. */
@FunctionalInterface
public interface IntRangeToInt {
  int apply(int lo, int hi);
}
