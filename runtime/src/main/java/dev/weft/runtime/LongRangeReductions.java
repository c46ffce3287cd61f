package dev.weft.runtime;

import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;

/**
 * The {@link LoopJob}s of reductions over a {@code long} index: as {@code LoopJob.ReduceInt},
 * {@code ReduceLong} and {@code Reduce}, but the chunk function takes the piece's long bounds as
 * they are (LoopJob splits long ranges already; only the int jobs narrow them).
 */
final class LongRangeReductions {

  private LongRangeReductions() {}

  static final class ToInt extends LoopJob {
    private final int identity;
    private final LongRangeToInt fn;
    private final IntBinaryOperator combiner;

    ToInt(long work, int identity, LongRangeToInt fn, IntBinaryOperator combiner) {
      super(work);
      this.identity = identity;
      this.fn = fn;
      this.combiner = combiner;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      s.intAcc = combiner.applyAsInt(s.intAcc, fn.apply(lo, hi));
    }

    @Override
    void open(Participant p, Piece child) {
      child.intAcc = identity;
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      into.intAcc = combiner.applyAsInt(into.intAcc, child.intAcc);
    }
  }

  static final class ToLong extends LoopJob {
    private final long identity;
    private final LongRangeToLong fn;
    private final LongBinaryOperator combiner;

    ToLong(long work, long identity, LongRangeToLong fn, LongBinaryOperator combiner) {
      super(work);
      this.identity = identity;
      this.fn = fn;
      this.combiner = combiner;
    }

    @Override
    void chunk(Piece s, long lo, long hi) {
      s.longAcc = combiner.applyAsLong(s.longAcc, fn.apply(lo, hi));
    }

    @Override
    void open(Participant p, Piece child) {
      child.longAcc = identity;
    }

    @Override
    void absorb(Participant p, Piece into, Piece child) {
      into.longAcc = combiner.applyAsLong(into.longAcc, child.longAcc);
    }
  }

  static final class Fold<T> extends LoopJob {
    private final Supplier<T> identity;
    private final LongRangeFold<T> fn;
    private final BinaryOperator<T> combiner;

    Fold(long work, Supplier<T> identity, LongRangeFold<T> fn, BinaryOperator<T> combiner) {
      super(work);
      this.identity = identity;
      this.fn = fn;
      this.combiner = combiner;
    }

    @SuppressWarnings("unchecked")
    @Override
    void chunk(Piece s, long lo, long hi) {
      s.objectAcc = combiner.apply((T) s.objectAcc, fn.apply(lo, hi));
    }

    @Override
    void open(Participant p, Piece child) {
      child.objectAcc = identity.get();
    }

    @SuppressWarnings("unchecked")
    @Override
    void absorb(Participant p, Piece into, Piece child) {
      into.objectAcc = combiner.apply((T) into.objectAcc, (T) child.objectAcc);
      child.objectAcc = null;
    }
  }
}
