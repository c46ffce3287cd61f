/** 2-D Jacobi relaxation (5-point stencil) on an n x n grid with fixed borders. Demo kernel. */
public class Stencil {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    double[][] grid = initial(n);
    System.out.println("n=" + n + " steps=" + steps);
    // weft: blocked LoopCarriedDependence -- each step reads the grid the previous one produced
    for (int t = 0; t < steps; t++) {
      grid = step(grid);
    }
    System.out.println("checksum=" + checksum(grid));
  }

  static double[][] initial(int n) {
    double[][] g = new double[n][];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      double[] row = new double[n];
      for (int j = 0; j < n; j++) {
        boolean border = i == 0 || j == 0 || i == n - 1 || j == n - 1;
        row[j] = border ? ((i * 7 + j * 3) % 11) * 10.0 : 0.0;
      }
      g[i] = row;
    }
    return g;
  }

  /** One Jacobi sweep into a fresh grid; border rows are shared with the input (never written). */
  static double[][] step(double[][] cur) {
    int n = cur.length;
    double[][] next = new double[n][];
    next[0] = cur[0];
    next[n - 1] = cur[n - 1];
    // weft: DoallLoop -- next is fresh, next[i] is a row allocated in iteration i, cur is only read
    for (int i = 1; i < n - 1; i++) {
      double[] up = cur[i - 1];
      double[] mid = cur[i];
      double[] down = cur[i + 1];
      double[] row = new double[n];
      row[0] = mid[0];
      row[n - 1] = mid[n - 1];
      for (int j = 1; j < n - 1; j++) {
        row[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1]);
      }
      next[i] = row;
    }
    return next;
  }

  static long checksum(double[][] g) {
    long sum = 0;
    // weft: Reduction
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g[i].length; j++) {
        sum += (long) (g[i][j] * 1.0e6) ^ (i * 31L + j);
      }
    }
    return sum;
  }
}
