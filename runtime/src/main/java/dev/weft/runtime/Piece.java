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

  /**
   * Split off another piece: wherever it runs, only pool frames lie below it (a worker's loop, or
   * the join of the participant that split it), so it never asks {@link Participant#mayOffer()}.
   */
  final boolean splitOff;

  /** The piece a region starts with, on the thread that entered the region. */
  Piece(LoopJob job, long lo, long hi) {
    this(job, lo, hi, false);
  }

  private Piece(LoopJob job, long lo, long hi, boolean splitOff) {
    this.job = job;
    this.lo = lo;
    this.hi = hi;
    this.splitOff = splitOff;
  }

  static Piece splitOff(LoopJob job, long lo, long hi) {
    return new Piece(job, lo, hi, true);
  }

  @Override
  void compute(Participant p) {
    job.run(p, this);
  }
}
