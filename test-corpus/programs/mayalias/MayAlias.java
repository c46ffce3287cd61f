/**
 * m[i][0] += m[i][1] over the rows of a jagged array: two rows may be the same object, and no single
 * check like a != b can rule that out for every pair of iterations.
 */
public class MayAlias {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int[][] m = rows(n);
    // Rows 1 and 2 are the same array: iterations 1 and 2 both update it.
    m[2] = m[1];
    System.out.println("n=" + n);
    bumpRows(m);
    System.out.println("m[1][0]=" + m[1][0] + " m[n-1][0]=" + m[n - 1][0] + " sum=" + firstColumn(m));
  }

  static int[][] rows(int n) {
    int[][] m = new int[n][];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      m[i] = new int[] {i, i % 17 + 1};
    }
    return m;
  }

  static void bumpRows(int[][] m) {
    // weft: blocked MayAlias -- rows m[i] of a parameter may be shared between iterations
    for (int i = 0; i < m.length; i++) {
      m[i][0] += m[i][1];
    }
  }

  static long firstColumn(int[][] m) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < m.length; i++) {
      s += m[i][0];
    }
    return s;
  }
}
