/** Nested loops where only the outer loop is parallel: each row's running sum is sequential. */
public class NestedOuter {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int[][] g = grid(n, n + 3);
    System.out.println("rows=" + n);
    long[][] sums = rowPrefixSums(g);
    System.out.println("checksum=" + checksum(sums));
  }

  static int[][] grid(int rows, int cols) {
    int[][] g = new int[rows][];
    // weft: DoallLoop
    for (int i = 0; i < rows; i++) {
      int[] row = new int[cols];
      for (int j = 0; j < cols; j++) {
        row[j] = (i * 5 + j * 7) % 31;
      }
      g[i] = row;
    }
    return g;
  }

  /** The inner loop carries s[j - 1]; the outer loop gives every row its own fresh array. */
  static long[][] rowPrefixSums(int[][] g) {
    long[][] out = new long[g.length][];
    // weft: DoallLoop
    for (int i = 0; i < g.length; i++) {
      int[] row = g[i];
      long[] s = new long[row.length];
      s[0] = row[0];
      for (int j = 1; j < row.length; j++) {
        s[j] = s[j - 1] + row[j];
      }
      out[i] = s;
    }
    return out;
  }

  static long checksum(long[][] m) {
    long h = 0;
    // weft: Reduction
    for (int i = 0; i < m.length; i++) {
      h += m[i][m[i].length - 1] * (i + 1);
    }
    return h;
  }
}
