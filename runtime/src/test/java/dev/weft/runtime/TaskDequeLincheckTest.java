package dev.weft.runtime;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the Chase–Lev deque: the owner's push / take / takeIf run in one
 * thread (the "owner" non-parallel group), steals run in any thread, and every interleaving the
 * checker explores must be linearizable against the same operations run sequentially.
 */
@Param(name = "v", gen = IntGen.class, conf = "1:4")
public class TaskDequeLincheckTest {
  static final class Numbered extends Task {
    final int id;

    Numbered(int id) {
      this.id = id;
    }

    @Override
    void compute(Participant p) {}
  }

  private final TaskDeque deque = new TaskDeque();
  private Numbered lastPushed;

  @Operation(nonParallelGroup = "owner")
  public void push(@Param(name = "v") int v) {
    lastPushed = new Numbered(v);
    deque.push(lastPushed);
  }

  @Operation(nonParallelGroup = "owner")
  public Integer take() {
    Task t = deque.take();
    return t == null ? null : ((Numbered) t).id;
  }

  /** Takes back the most recent push if it is still there, as a join does. */
  @Operation(nonParallelGroup = "owner")
  public boolean takeLastPushed() {
    Numbered x = lastPushed;
    lastPushed = null;
    return x != null && deque.takeIf(x);
  }

  /** A steal that lost a race reports ABORT and changes nothing; retry it, as thieves do. */
  @Operation
  public Integer steal() {
    for (;;) {
      Task t = deque.steal();
      if (t == TaskDeque.ABORT) continue;
      return t == null ? null : ((Numbered) t).id;
    }
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .iterations(15)
        .invocationsPerIteration(300)
        .threads(3)
        .actorsPerThread(3)
        .check(this.getClass());
  }
}
