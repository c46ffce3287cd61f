package dev.weft.runtime;

/**
 * A pool thread. State lives in fields (not ThreadLocals) so that finding the current participant is
 * a type check and a field load.
 */
final class Worker extends Thread {
  final Participant ctx;
  /** Next parked worker's index + 1 in the pool's parked stack (0 = none); written before the CAS that pushes. */
  int nextParked;
  /** True while this worker is parked or about to park; cleared by the worker that pops it. */
  volatile boolean parked; // volatile: Dekker pair with LockSupport.park loop
  /** Set by the first waker; published to later wakers through the pool's ctl CAS chain. */
  boolean started;
  /** Consecutive stolen tasks that ran shorter than {@link WeftPool#TINY_TASK_NS}. */
  int tinyStreak;

  Worker(Participant ctx, String name) {
    super(name);
    this.ctx = ctx;
    setDaemon(true);
  }

  @Override
  public void run() {
    ctx.owner = this;
    ctx.pool.workerLoop(this);
  }
}
