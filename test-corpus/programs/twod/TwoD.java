/** 2-D writes g[i][j]: rows of a fresh new int[n][m] are distinct, so the outer loop is DOALL. */
public class TwoD {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int[][] t = table(n, n / 2 + 1);
    System.out.println("n=" + n + " t[n-1][0]=" + t[n - 1][0]);
    System.out.println("checksum=" + checksum(t));
  }

  static int[][] table(int n, int m) {
    int[][] g = new int[n][m];
    // weft: DoallLoop -- g is fresh: g[i] and g[k] are distinct rows for i != k
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        g[i][j] = (i * j + i + j) % 1009;
      }
    }
    return g;
  }

  static long checksum(int[][] g) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g[i].length; j++) {
        s += (long) g[i][j] * (j + 1);
      }
    }
    return s;
  }
}
