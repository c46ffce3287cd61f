package dev.weft.runtime;

/** A contiguous part of a parallel loop, with the accumulator (or view) of the task that runs it. */
final class Piece extends Task {
  final LoopJob job;
  final long lo;
  final long hi;
  /** Next-older piece split off by the same parent: the parent joins them newest (lowest index) first. */
  Piece next;
  int intAcc;
  long longAcc;
  Object objectAcc;

  Piece(LoopJob job, long lo, long hi) {
    this.job = job;
    this.lo = lo;
    this.hi = hi;
  }

  @Override
  void compute(Participant p) {
    job.run(p, this);
  }
}
