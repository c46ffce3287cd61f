package dev.weft.runtime;

/** Folds iterations [lo, hi) into a partial long result, starting from the identity. Called once per chunk, never per element. */
@FunctionalInterface
public interface IntRangeToLong {
  long apply(int lo, int hi);
}
