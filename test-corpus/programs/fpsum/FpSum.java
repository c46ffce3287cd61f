/** Floating-point reductions: sums and products need the opt-in; Math.max does not. */
public class FpSum {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    float[] x = samples(n);
    System.out.println("n=" + n);
    System.out.println("floatSum=" + floatSum(x));
    System.out.println("product=" + product(x));
    System.out.println("max=" + max(x));
    System.out.println("maxIf=" + maxIf(x));
    System.out.println("intsAsDouble=" + intsAsDouble(n));
  }

  static float[] samples(int n) {
    float[] x = new float[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      x[i] = ((i * 37) % 1000) / 7.0f;
    }
    return x;
  }

  static float floatSum(float[] x) {
    float s = 0f;
    // weft: blocked FloatingPointReduction
    for (int i = 0; i < x.length; i++) {
      s += x[i];
    }
    return s;
  }

  static double product(float[] x) {
    double p = 1.0;
    // weft: blocked FloatingPointReduction
    for (int i = 0; i < x.length; i++) {
      p *= 1.0 + x[i] / 1.0e6;
    }
    return p;
  }

  static double max(float[] x) {
    double m = Double.NEGATIVE_INFINITY;
    // weft: Reduction -- Math.max on double is associative, NaN included
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, x[i]);
    }
    return m;
  }

  static float maxIf(float[] x) {
    float best = Float.NEGATIVE_INFINITY;
    // weft: blocked FloatingPointReduction -- if (e > s) s = e on float is not associative with NaN
    for (int i = 0; i < x.length; i++) {
      if (x[i] > best) {
        best = x[i];
      }
    }
    return best;
  }

  static double intsAsDouble(int n) {
    double s = 0.0;
    // weft: blocked FloatingPointReduction -- the accumulator is a double
    for (int i = 0; i < n; i++) {
      s += i % 100;
    }
    return s;
  }
}
