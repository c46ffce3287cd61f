/**
 * Privatisable temporaries: a scalar declared outside the loop but written before it is read in
 * every iteration and dead after the loop. Contrast: a scratch array reused by every iteration.
 */
public class Privatize {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    int[] b = withTemporary(a);
    System.out.println("withTemporary checksum=" + checksum(b));
    int[] c = withScratchArray(a);
    System.out.println("withScratchArray checksum=" + checksum(c));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 29) % 113;
    }
    return d;
  }

  static int[] withTemporary(int[] a) {
    int[] out = new int[a.length];
    int tmp;
    // weft: DoallLoop -- tmp is written before it is read in each iteration and not used after
    for (int i = 0; i < a.length; i++) {
      tmp = a[i] * 3;
      out[i] = tmp + tmp / 2;
    }
    return out;
  }

  static int[] withScratchArray(int[] a) {
    int[] out = new int[a.length];
    int[] scratch = new int[3];
    // weft: blocked LoopCarriedDependence -- every iteration writes and reads the same scratch array
    for (int i = 0; i < a.length; i++) {
      scratch[0] = a[i];
      scratch[1] = a[i] * 2;
      scratch[2] = scratch[0] + scratch[1];
      out[i] = scratch[2];
    }
    return out;
  }

  static long checksum(int[] a) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      s += (long) a[i] * (i % 5 + 1);
    }
    return s;
  }
}
