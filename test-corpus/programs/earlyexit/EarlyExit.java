/** Loops that leave early (return, break, a labelled break), and a break that leaves only an inner loop. */
public class EarlyExit {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("indexOf(-7)=" + indexOf(a, -7));
    System.out.println("sumUntilNegative=" + sumUntilNegative(a));
    int[][] g = grid(n / 100 + 2, 50);
    System.out.println("leadingNonZero=" + total(leadingNonZero(g)));
    System.out.println("firstZero=" + firstZero(g));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 7 + 100) % 1013 - 20;
    }
    return d;
  }

  static int indexOf(int[] a, int key) {
    // weft: blocked EarlyExit -- return from inside the loop
    for (int i = 0; i < a.length; i++) {
      if (a[i] == key) {
        return i;
      }
    }
    return -1;
  }

  static long sumUntilNegative(int[] a) {
    long s = 0;
    // weft: blocked EarlyExit -- break
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        break;
      }
      s += a[i];
    }
    return s;
  }

  static int[][] grid(int rows, int cols) {
    int[][] g = new int[rows][];
    // weft: DoallLoop
    for (int i = 0; i < rows; i++) {
      int[] row = new int[cols];
      for (int j = 0; j < cols; j++) {
        row[j] = (i * 3 + j * 5) % 23;
      }
      g[i] = row;
    }
    return g;
  }

  /** The break leaves only the inner loop, so the outer loop is still a DOALL loop. */
  static int[] leadingNonZero(int[][] g) {
    int[] counts = new int[g.length];
    // weft: DoallLoop
    for (int i = 0; i < g.length; i++) {
      int c = 0;
      for (int j = 0; j < g[i].length; j++) {
        if (g[i][j] == 0) {
          break;
        }
        c++;
      }
      counts[i] = c;
    }
    return counts;
  }

  static String firstZero(int[][] g) {
    // weft: blocked EarlyExit -- return from the inner loop leaves this loop too
    for (int i = 0; i < g.length; i++) {
      // weft: blocked EarlyExit
      for (int j = 0; j < g[i].length; j++) {
        if (g[i][j] == 0 && i > 0) {
          return i + "," + j;
        }
      }
    }
    return "none";
  }

  static long total(int[] v) {
    long s = 0;
    // weft: Reduction
    for (int x : v) {
      s += x;
    }
    return s;
  }
}
