package dev.weft.runtime;

/**
 * Folds iterations [lo, hi) into a partial result of any type, starting from a fresh identity.
 * Called once per chunk, never per element.
 */
@FunctionalInterface
public interface IntRangeFold<T> {
  T apply(int lo, int hi);
}
