package dev.weft.runtime;

/** Folds iterations [lo, hi) of a loop with a long index into a partial int result, starting from the identity. Called once per chunk, never per element. */
@FunctionalInterface
public interface LongRangeToInt {
  int apply(long lo, long hi);
}
