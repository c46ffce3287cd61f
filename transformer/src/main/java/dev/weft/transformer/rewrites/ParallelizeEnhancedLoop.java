package dev.weft.transformer.rewrites;

/**
 * DOALL enhanced loop over an array or a RandomAccess list: {@code for (T x : xs) body} becomes a
 * counted {@code Weft.forRange(0, xs.length, …)} whose chunk loop declares {@code T x = xs[i]}
 * (or {@code xs.get(i)}) and then runs the original body unchanged.
 */
public final class ParallelizeEnhancedLoop extends ParallelizeCountedLoop {}
