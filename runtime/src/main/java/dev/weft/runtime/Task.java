package dev.weft.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A unit of work that can sit in a {@link TaskDeque}. The owner that pushed a task either takes it
 * back and runs it inline (no status change, no allocation), or finds it stolen and waits for
 * {@link #status} to become {@link #DONE}; only a thief runs {@link #exec}.
 */
abstract class Task {
  static final int PENDING = 0;
  static final int DONE = 1;

  /** Written by the thief after the task ran; read by the joiner. */
  volatile int status; // volatile store in exec (release + StoreLoad against waiter below)
  /** The task's exception, published by the volatile store of {@link #status}. */
  Throwable failure;
  /** A joiner that parked waiting for this task; null when nobody waits. */
  volatile Thread waiter; // volatile: Dekker pair with status

  /** Runs the task on participant {@code p}; exceptions propagate to the caller. */
  abstract void compute(Participant p);

  /** Runs a stolen task: records its failure, then publishes completion and wakes the joiner. */
  final void exec(Participant p) {
    try {
      compute(p);
    } catch (Throwable e) {
      failure = e;
    }
    status = DONE; // volatile: publishes every write of the task to the joiner
    Thread w = waiter; // volatile: ordered after the status store (StoreLoad)
    if (w != null) LockSupport.unpark(w);
  }

  static final VarHandle STATUS;

  static {
    try {
      STATUS = MethodHandles.lookup().findVarHandle(Task.class, "status", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
