package dev.weft.runtime;

/**
 * Folds iterations [lo, hi) of a loop with a long index into a partial result of any type,
 * starting from a fresh identity. Called once per chunk, never per element.
 */
@FunctionalInterface
public interface LongRangeFold<T> {
  T apply(long lo, long hi);
}
