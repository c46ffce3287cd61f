import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.apache.commons.math3.complex.Complex;

/**
 * A few heavy commons-math operations, timed the same way on the original and the rewritten
 * library: {@code RealcodeBench OP REPEATS}; prints the best of REPEATS runs (after one warm-up)
 * and a checksum of the result, so a difference in behaviour shows next to the time.
 */
public final class RealcodeBench {
  public static void main(String[] args) {
    String op = args[0];
    int repeats = Integer.parseInt(args[1]);
    double best = Double.MAX_VALUE, check = 0;
    for (int r = 0; r <= repeats; r++) {
      long t0 = System.nanoTime();
      check = run(op);
      double s = (System.nanoTime() - t0) / 1e9;
      if (r > 0) best = Math.min(best, s);   // run 0 is the warm-up
    }
    System.out.printf("%s best=%.3fs checksum=%s%n", op, best, Double.toString(check));
  }

  static double[][] data(int n, int m, long seed) {
    double[][] d = new double[n][m];
    long x = seed;
    for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      d[i][j] = (x >>> 11) * 0x1.0p-53 - 0.5;
    }
    return d;
  }

  static double run(String op) {
    switch (op) {
      case "array2d-multiply-1000": {
        RealMatrix a = new Array2DRowRealMatrix(data(1000, 1000, 1), false);
        RealMatrix b = new Array2DRowRealMatrix(data(1000, 1000, 2), false);
        RealMatrix c = a.multiply(b);
        return c.getEntry(17, 423) + c.getNorm();
      }
      case "block-multiply-1000": {
        RealMatrix a = new BlockRealMatrix(data(1000, 1000, 1));
        RealMatrix b = new BlockRealMatrix(data(1000, 1000, 2));
        RealMatrix c = a.multiply(b);
        return c.getEntry(17, 423) + c.getNorm();
      }
      case "fft-2^20": {
        double[] x = data(1, 1 << 20, 3)[0];
        Complex[] y = new FastFourierTransformer(DftNormalization.STANDARD).transform(x, TransformType.FORWARD);
        return y[12345].getReal() + y[99].getImaginary();
      }
      case "descriptive-1e7": {
        double[] x = data(1, 10_000_000, 4)[0];
        DescriptiveStatistics s = new DescriptiveStatistics(x);
        return s.getMean() + s.getVariance() + s.getPercentile(50) + s.getKurtosis();
      }
      default: throw new IllegalArgumentException(op);
    }
  }
}
