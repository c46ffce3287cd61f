/** Collatz trajectory lengths for 1..n, their sum, and the longest one (an argmax). */
public class Collatz {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] len = lengths(n);
    System.out.println("n=" + n + " total=" + total(len));
    System.out.println("longest=" + longest(len));
  }

  static int[] lengths(int n) {
    int[] len = new int[n + 1];
    // weft: DoallLoop -- the trajectory loop is inside the region; len[i] written only at i
    for (int i = 1; i <= n; i++) {
      long x = i;
      int steps = 0;
      while (x != 1) {
        x = (x & 1) == 0 ? x >> 1 : 3 * x + 1;
        steps++;
      }
      len[i] = steps;
    }
    return len;
  }

  static long total(int[] len) {
    long t = 0;
    // weft: Reduction
    for (int i = 0; i < len.length; i++) {
      t += len[i];
    }
    return t;
  }

  /** best and where move together: not a recognised reduction. */
  static String longest(int[] len) {
    int best = -1;
    int where = -1;
    // weft: blocked LoopCarriedDependence -- where is assigned with best, not a reduction
    for (int i = 0; i < len.length; i++) {
      if (len[i] > best) {
        best = len[i];
        where = i;
      }
    }
    return where + ":" + best;
  }
}
