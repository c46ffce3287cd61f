/** Dense matrix multiply C = A x B on double[][]; prints checksums of C. Demo kernel. */
public class MatMul {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    // weft: IndependentCalls -- both calls only allocate and fill fresh matrices
    double[][] a = matrix(n, 1);
    double[][] b = matrix(n, 2);
    System.out.println("n=" + n);
    double[][] c = multiply(a, b);
    System.out.printf("trace=%.6f%n", trace(c));
    System.out.println("checksum=" + checksum(c));
  }

  static double[][] matrix(int n, int seed) {
    double[][] m = new double[n][];
    // weft: DoallLoop -- each row is allocated by its own iteration
    for (int i = 0; i < n; i++) {
      double[] row = new double[n];
      for (int j = 0; j < n; j++) {
        row[j] = ((i * 31 + j * 17 + seed * 7) % 97) / 97.0;
      }
      m[i] = row;
    }
    return m;
  }

  /** i-k-j order so the inner loop streams through rows of b and of the result. */
  static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int inner = b.length;
    int m = b[0].length;
    double[][] c = new double[n][];
    // weft: DoallLoop -- c[i] gets a row allocated in iteration i; a and b are only read
    for (int i = 0; i < n; i++) {
      double[] row = new double[m];
      double[] ai = a[i];
      for (int k = 0; k < inner; k++) {
        double aik = ai[k];
        double[] bk = b[k];
        for (int j = 0; j < m; j++) {
          row[j] += aik * bk[j];
        }
      }
      c[i] = row;
    }
    return c;
  }

  static double trace(double[][] c) {
    double t = 0;
    // weft: blocked FloatingPointReduction
    for (int i = 0; i < c.length; i++) {
      t += c[i][i];
    }
    return t;
  }

  static long checksum(double[][] c) {
    long sum = 0;
    // weft: Reduction -- integral sum of the scaled entries
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c[i].length; j++) {
        sum += (long) (c[i][j] * 1000.0) * (i + 1);
      }
    }
    return sum;
  }
}
