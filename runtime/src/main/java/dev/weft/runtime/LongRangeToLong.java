package dev.weft.runtime;

/** Folds iterations [lo, hi) of a loop with a long index into a partial long result, starting from the identity. Called once per chunk, never per element. */
@FunctionalInterface
public interface LongRangeToLong {
  long apply(long lo, long hi);
}
