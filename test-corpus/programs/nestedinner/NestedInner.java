/** Nested loops where only the inner loop is parallel: the outer loop is a time loop. */
public class NestedInner {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int[] start = new int[n];
    System.out.println("n=" + n + " steps=" + steps);
    int[] end = evolve(start, steps);
    System.out.println("checksum=" + checksum(end));
  }

  static int[] evolve(int[] cur, int steps) {
    int n = cur.length;
    int[] next = new int[n];
    // weft: blocked LoopCarriedDependence -- cur and next are swapped every step
    for (int t = 0; t < steps; t++) {
      // weft: DoallLoop -- element i reads cur[i] and writes next[i] only
      for (int i = 0; i < n; i++) {
        next[i] = (cur[i] * 3 + t + i) % 1_000_003;
      }
      int[] tmp = cur;
      cur = next;
      next = tmp;
    }
    return cur;
  }

  static long checksum(int[] a) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      s += (long) a[i] * (i + 1);
    }
    return s;
  }
}
