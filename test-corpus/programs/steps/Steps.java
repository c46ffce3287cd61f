/** Counted loops with non-unit and negative steps, and a long index. */
public class Steps {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = new int[n];
    // weft: DoallLoop -- step 2
    for (int i = 0; i < n; i += 2) {
      a[i] = i % 1000;
    }
    int[] b = reversedDoubles(a);
    System.out.println("n=" + n + " b[0]=" + b[0] + " b[n-2]=" + b[n - 2]);
    System.out.println("everyThird=" + everyThird(a));
    System.out.println("longIndex=" + longIndexSum(n * 10L));
    System.out.println("longIndexHashes=" + longIndexHashes(-n * 5L, n * 5L));
    System.out.println("longIndexPeak=" + longIndexPeak(n * 3L));
  }

  static int[] reversedDoubles(int[] a) {
    int[] b = new int[a.length];
    // weft: DoallLoop -- counts down
    for (int i = a.length - 1; i >= 0; i--) {
      b[i] = a[i] * 2;
    }
    return b;
  }

  static long everyThird(int[] a) {
    long s = 0;
    // weft: Reduction -- step -3
    for (int i = a.length - 1; i >= 0; i -= 3) {
      s += a[i] + i;
    }
    return s;
  }

  static long longIndexSum(long m) {
    long s = 0;
    // weft: Reduction -- a long index
    for (long i = 0; i < m; i++) {
      s += (i * i) % 7;
    }
    return s;
  }

  static int longIndexHashes(long from, long to) {
    int h = 0;
    // weft: Reduction -- an int reduction over a long index with negative bounds
    for (long i = from; i < to; i++) {
      h ^= (int) (i * 0x9E3779B97F4A7C15L >>> 32);
    }
    return h;
  }

  static double longIndexPeak(long m) {
    double peak = 0.0;
    // weft: blocked NonCanonicalLoop -- a double reduction over a long index: the runtime's double reductions take an int range
    for (long i = 0; i < m; i++) {
      peak = Math.max(peak, (i * 37 % 1001) * 0.5);
    }
    return peak;
  }
}
