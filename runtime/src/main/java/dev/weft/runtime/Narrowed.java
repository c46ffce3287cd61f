package dev.weft.runtime;

/**
 * An int-range chunk seen as a long-range one, its bounds narrowed back to {@code int}: how the
 * int-range reductions reach the long-range ones. Small classes rather than lambdas: a lambda's
 * first evaluation links a call site through {@code java.lang.invoke}, which a program that has
 * linked none yet pays with milliseconds before its first region ({@code StartupTest}).
 */
final class Narrowed {
  private Narrowed() {}

  static LongRangeToInt toInt(IntRangeToInt chunk) {
    return new ToInt(chunk);
  }

  static LongRangeToLong toLong(IntRangeToLong chunk) {
    return new ToLong(chunk);
  }

  static <T> LongRangeFold<T> fold(IntRangeFold<T> chunk) {
    return new Fold<>(chunk);
  }

  private static final class ToInt implements LongRangeToInt {
    private final IntRangeToInt chunk;

    ToInt(IntRangeToInt chunk) {
      this.chunk = chunk;
    }

    @Override
    public int apply(long lo, long hi) {
      return chunk.apply((int) lo, (int) hi);
    }
  }

  private static final class ToLong implements LongRangeToLong {
    private final IntRangeToLong chunk;

    ToLong(IntRangeToLong chunk) {
      this.chunk = chunk;
    }

    @Override
    public long apply(long lo, long hi) {
      return chunk.apply((int) lo, (int) hi);
    }
  }

  private static final class Fold<T> implements LongRangeFold<T> {
    private final IntRangeFold<T> chunk;

    Fold(IntRangeFold<T> chunk) {
      this.chunk = chunk;
    }

    @Override
    public T apply(long lo, long hi) {
      return chunk.apply((int) lo, (int) hi);
    }
  }
}
