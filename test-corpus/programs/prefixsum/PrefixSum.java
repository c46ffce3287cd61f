/** Inclusive prefix sums, two ways: both carry a value from one iteration to the next. */
public class PrefixSum {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    // weft: IndependentCalls -- both only read a and return fresh arrays
    long[] p = runningTotal(a);
    long[] q = fromPrevious(a);
    System.out.println("last=" + p[n - 1] + " mismatches=" + mismatches(p, q));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 7919) % 1000 - 500;
    }
    return d;
  }

  static long[] runningTotal(int[] a) {
    long[] p = new long[a.length];
    long run = 0;
    // weft: blocked LoopCarriedDependence -- run is read after every update
    for (int i = 0; i < a.length; i++) {
      run += a[i];
      p[i] = run;
    }
    return p;
  }

  static long[] fromPrevious(int[] a) {
    long[] p = new long[a.length];
    p[0] = a[0];
    // weft: blocked LoopCarriedDependence -- p[i] reads p[i - 1], written one iteration earlier
    for (int i = 1; i < a.length; i++) {
      p[i] = p[i - 1] + a[i];
    }
    return p;
  }

  static int mismatches(long[] p, long[] q) {
    int m = 0;
    // weft: Reduction
    for (int i = 0; i < p.length; i++) {
      if (p[i] != q[i]) {
        m++;
      }
    }
    return m;
  }
}
