/** SAXPY (y = a*x + y) on float arrays: element-wise, so no floating-point reassociation. */
public class Saxpy {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    float[] x = wave(n, 0.001f);
    System.out.println("n=" + n);
    float[] y = wave(n, 0.003f);
    System.out.println("before=" + checksum(y));
    saxpy(2.5f, x, y);
    System.out.println("after=" + checksum(y));
  }

  static float[] wave(int n, float f) {
    float[] w = new float[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      w[i] = (float) Math.sin(i * f);
    }
    return w;
  }

  /** Element i reads and writes only index i, so even x == y gives no cross-iteration dependence. */
  static void saxpy(float a, float[] x, float[] y) {
    // weft: DoallLoop
    for (int i = 0; i < y.length; i++) {
      y[i] = a * x[i] + y[i];
    }
  }

  static long checksum(float[] y) {
    long s = 0;
    // weft: Reduction -- an integral sum of scaled values, not a float sum
    for (int i = 0; i < y.length; i++) {
      s += (long) (y[i] * 1.0e6f);
    }
    return s;
  }
}
