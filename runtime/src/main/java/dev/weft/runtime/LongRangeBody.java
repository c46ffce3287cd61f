package dev.weft.runtime;

/** Body of a parallel loop over a long range: runs iterations [lo, hi) of the original loop. Called once per chunk, never per element. */
@FunctionalInterface
public interface LongRangeBody {
  void run(long lo, long hi);
}
