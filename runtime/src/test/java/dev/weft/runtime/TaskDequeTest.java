package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The deque hands every pushed task to exactly one of the owner and the thieves. */
class TaskDequeTest {
  static final class Numbered extends Task {
    final int id;

    Numbered(int id) {
      this.id = id;
    }

    @Override
    void compute(Participant p) {}
  }

  @Test
  void ownerSeesLifoThievesSeeFifo() {
    TaskDeque d = new TaskDeque();
    Numbered[] ts = new Numbered[200]; // forces two grows
    for (int i = 0; i < ts.length; i++) d.push(ts[i] = new Numbered(i));
    assertSame(ts[0], d.steal());
    assertSame(ts[199], d.take());
    assertEquals(true, d.takeIf(ts[198]));
    assertEquals(false, d.takeIf(ts[5]));
    for (int i = 197; i >= 1; i--) assertSame(ts[i], d.take());
    assertNull(d.take());
    assertNull(d.steal());
  }

  @Test
  void everyTaskIsTakenExactlyOnceUnderContention() throws InterruptedException {
    int n = 400_000;
    AtomicIntegerArray taken = new AtomicIntegerArray(n);
    TaskDeque d = new TaskDeque();
    Numbered[] ts = new Numbered[n];
    for (int i = 0; i < n; i++) ts[i] = new Numbered(i);
    AtomicBoolean done = new AtomicBoolean();
    Thread[] thieves = new Thread[3];
    for (int k = 0; k < thieves.length; k++) {
      thieves[k] = new Thread(() -> {
        while (true) {
          Task t = d.steal();
          if (t == TaskDeque.ABORT) continue;
          if (t != null) taken.incrementAndGet(((Numbered) t).id);
          else if (done.get()) return;
          else Thread.onSpinWait();
        }
      });
      thieves[k].start();
    }
    // The owner pushes in bursts and takes some back, some with takeIf, racing the thieves.
    int i = 0;
    while (i < n) {
      int burst = Math.min(n - i, 1 + (i % 7));
      for (int k = 0; k < burst; k++) d.push(ts[i + k]);
      Numbered last = ts[i + burst - 1];
      if (d.takeIf(last)) taken.incrementAndGet(last.id);
      Task t = d.take();
      if (t != null) taken.incrementAndGet(((Numbered) t).id);
      i += burst;
    }
    Task t;
    while ((t = d.take()) != null) taken.incrementAndGet(((Numbered) t).id);
    done.set(true);
    for (Thread th : thieves) th.join();
    for (int k = 0; k < n; k++) assertEquals(1, taken.get(k), "task " + k);
  }
}
