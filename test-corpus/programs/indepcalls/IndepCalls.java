/** Two calls on disjoint fresh arrays, and two calls that only read the same array. */
public class IndepCalls {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = new int[n];
    int[] b = new int[n];
    // weft: IndependentCalls -- a and b are distinct fresh arrays; each call writes only its own
    fillSquares(a);
    fillTriangles(b);
    System.out.println("n=" + n);
    // weft: IndependentCalls -- both calls only read a
    long s = sum(a);
    long m = maxOf(a);
    System.out.println("sum=" + s + " max=" + m + " sumB=" + sum(b));
  }

  static void fillSquares(int[] a) {
    // weft: DoallLoop
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 1000) * (i % 1000);
    }
  }

  static void fillTriangles(int[] b) {
    // weft: DoallLoop
    for (int i = 0; i < b.length; i++) {
      int k = i % 1000;
      b[i] = k * (k + 1) / 2;
    }
  }

  static long sum(int[] a) {
    long s = 0;
    // weft: Reduction
    for (int v : a) {
      s += v;
    }
    return s;
  }

  static long maxOf(int[] a) {
    long m = Long.MIN_VALUE;
    // weft: Reduction -- Math.max
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }
}
