package dev.weft.runtime;

/**
 * Runs iterations [lo, hi) against a view the calling task owns alone: a privatised array, an
 * ordered output buffer, or a map (see {@link Weft#accumulate}, {@link Weft#appendOrdered},
 * {@link Weft#mergeKeyed}). Called once per chunk, never per element.
 */
@FunctionalInterface
public interface IntRangeInto<V> {
  void run(int lo, int hi, V view);
}
