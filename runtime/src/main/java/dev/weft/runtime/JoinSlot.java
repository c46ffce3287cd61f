package dev.weft.runtime;

import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The forked half of a join: a latent frame on its participant's frame stack until it is promoted
 * (pushed on the deque, where thieves can take it). Each participant keeps one per join depth and
 * reuses it, so a join that nobody stole allocates nothing, and one never promoted costs a few plain
 * stores and no fence.
 */
final class JoinSlot extends Task {
  static final int RUN = 0, INT = 1, LONG = 2, DOUBLE = 3, OBJECT = 4;

  int kind;
  Object fn;
  /** True once pushed on the deque; a latent (never promoted) frame's right half runs inline. */
  boolean promoted;
  int intResult;
  long longResult;
  double doubleResult;
  Object objectResult;

  /** Resets before a push; the push's release fence publishes these plain writes to a thief. */
  void arm(int kind, Object fn) {
    this.kind = kind;
    this.fn = fn;
    this.failure = null;
    this.promoted = false;
    Task.STATUS.setOpaque(this, PENDING); // relaxed: published by the push's release fence
  }

  void disarm() {
    fn = null;
    objectResult = null;
    failure = null;
  }

  @Override
  void compute(Participant p) {
    switch (kind) {
      case RUN -> ((Runnable) fn).run();
      case INT -> intResult = ((IntSupplier) fn).getAsInt();
      case LONG -> longResult = ((LongSupplier) fn).getAsLong();
      case DOUBLE -> doubleResult = ((DoubleSupplier) fn).getAsDouble();
      default -> objectResult = ((Supplier<?>) fn).get();
    }
  }
}
