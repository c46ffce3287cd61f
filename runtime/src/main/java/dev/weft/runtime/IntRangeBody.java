package dev.weft.runtime;

/** Body of a parallel loop over an int range: runs iterations [lo, hi) of the original loop. Called once per chunk, never per element. */
@FunctionalInterface
public interface IntRangeBody {
  void run(int lo, int hi);
}
