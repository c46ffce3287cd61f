/** while and do-while loops: not counted loops, and their control variable carries over. */
public class WhileLoop {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("whileSum=" + whileSum(a));
    System.out.println("halvings=" + halvings(n));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = i % 97;
    }
    return d;
  }

  static long whileSum(int[] a) {
    long s = 0;
    int i = 0;
    // weft: blocked NonCanonicalLoop, LoopCarriedDependence -- while loop; i is read after each update
    while (i < a.length) {
      s += a[i];
      i++;
    }
    return s;
  }

  static int halvings(int n) {
    int x = n;
    int steps = 0;
    // weft: blocked NonCanonicalLoop, LoopCarriedDependence -- do loop; x = x / 2 carries over
    do {
      x = x / 2;
      steps++;
    } while (x > 0);
    return steps;
  }
}
