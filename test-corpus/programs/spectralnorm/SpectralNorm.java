/** Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), truncated to n. Demo kernel. */
public class SpectralNorm {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double[] u = ones(n);
    System.out.println("n=" + n + " iterations=" + iterations);
    // weft: blocked LoopCarriedDependence -- power iteration: u depends on the previous u
    for (int k = 0; k < iterations; k++) {
      u = ataTimes(ataTimes(u));
    }
    double[] v = ataTimes(u);
    double vBv = 0.0;
    double vv = 0.0;
    // weft: blocked FloatingPointReduction
    for (int i = 0; i < n; i++) {
      vBv += u[i] * v[i];
      vv += v[i] * v[i];
    }
    System.out.printf("norm=%.9f%n", Math.sqrt(vBv / vv));
  }

  static double a(int i, int j) {
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
  }

  static double[] ones(int n) {
    double[] u = new double[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      u[i] = 1.0;
    }
    return u;
  }

  static double[] times(double[] u) {
    int n = u.length;
    double[] v = new double[n];
    // weft: DoallLoop -- the row sum is a local of the iteration
    for (int i = 0; i < n; i++) {
      double sum = 0.0;
      for (int j = 0; j < n; j++) {
        sum += a(i, j) * u[j];
      }
      v[i] = sum;
    }
    return v;
  }

  static double[] timesTransposed(double[] u) {
    int n = u.length;
    double[] v = new double[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      double sum = 0.0;
      for (int j = 0; j < n; j++) {
        sum += a(j, i) * u[j];
      }
      v[i] = sum;
    }
    return v;
  }

  static double[] ataTimes(double[] u) {
    return timesTransposed(times(u));
  }
}
