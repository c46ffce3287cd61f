/**
 * f[i] = -y * i + (~y & i), with y a local declared before the loop: the unary minus and the
 * bitwise complement only read y. Found in commons-math3 (Sinc.value(DerivativeStructure),
 * QRDecomposition.getQT()): the transformer took every prefix operator for an increment, gave each
 * chunk its own uninitialised copy of y, and the rewrite did not compile, so the region was left
 * sequential ("NOT WRITTEN, a Weft bug").
 */
public class NegatedCapture {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long[] f = negatives(3, n);
    System.out.println("n=" + n);
    System.out.println("sum=" + sum(f) + " f[n-1]=" + f[n - 1]);
  }

  static long[] negatives(long x, int n) {
    final long y = 2 * x + 1;
    long[] f = new long[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      f[i] = -y * i + (~y & i);
    }
    return f;
  }

  static long sum(long[] f) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < f.length; i++) {
      s += f[i];
    }
    return s;
  }
}
