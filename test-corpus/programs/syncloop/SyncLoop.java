/** Synchronisation inside loops: a synchronized block, and a call to a synchronized method. */
public class SyncLoop {

  private static final Object LOCK = new Object();

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("block=" + sumLocked(a));
    System.out.println("method=" + sumWeighed(a));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 17) % 89;
    }
    return d;
  }

  static long sumLocked(int[] a) {
    long s = 0;
    // weft: blocked Synchronization -- synchronized block
    for (int i = 0; i < a.length; i++) {
      synchronized (LOCK) {
        s += a[i];
      }
    }
    return s;
  }

  static synchronized int weigh(int v) {
    return v * 3 + 1;
  }

  static long sumWeighed(int[] a) {
    long s = 0;
    // weft: blocked Synchronization -- weigh is a synchronized method
    for (int i = 0; i < a.length; i++) {
      s += weigh(a[i]);
    }
    return s;
  }
}
