/** Integer dot products: indexed and enhanced-for forms of the same sum reduction. */
public class DotProduct {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = ramp(n, 3);
    System.out.println("n=" + n);
    int[] b = ramp(n, 5);
    System.out.println("dot=" + dot(a, b));
    System.out.println("sumSquares=" + sumSquares(a));
  }

  static int[] ramp(int n, int k) {
    int[] r = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      r[i] = (i * k) % 1009 - 504;
    }
    return r;
  }

  static long dot(int[] a, int[] b) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      s += (long) a[i] * b[i];
    }
    return s;
  }

  static long sumSquares(int[] a) {
    long s = 0;
    // weft: Reduction -- enhanced for over an array
    for (int v : a) {
      s += (long) v * v;
    }
    return s;
  }
}
