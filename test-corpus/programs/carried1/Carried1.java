/** Loop-carried dependences at distance 1: flow (a[i-1]), anti (a[i+1]) and a live-out scalar. */
public class Carried1 {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] b = data(n);
    System.out.println("n=" + n);
    long[] a = recurrence(b);
    System.out.println("recurrence last=" + a[n - 1]);
    int[] c = data(n);
    System.out.println("c[1]=" + c[1]);
    shiftLeftDoubling(c);
    System.out.println("shifted c[0]=" + c[0] + " c[n-2]=" + c[n - 2]);
    System.out.println("lastPositive=" + lastPositive(b));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 37) % 101 - 50;
    }
    return d;
  }

  static long[] recurrence(int[] b) {
    long[] a = new long[b.length];
    // weft: blocked LoopCarriedDependence -- a[i] reads a[i - 1]
    for (int i = 1; i < b.length; i++) {
      a[i] = a[i - 1] * 3 + b[i];
    }
    return a;
  }

  /** Anti-dependence: iteration i reads c[i + 1] before iteration i + 1 overwrites it. */
  static void shiftLeftDoubling(int[] c) {
    // weft: blocked LoopCarriedDependence -- reads c[i + 1], written by the next iteration
    for (int i = 0; i < c.length - 1; i++) {
      c[i] = c[i + 1] * 2;
    }
  }

  static int lastPositive(int[] b) {
    int last = -1;
    // weft: blocked LoopCarriedDependence -- last is live after the loop: the last write must win
    for (int i = 0; i < b.length; i++) {
      if (b[i] > 0) {
        last = b[i];
      }
    }
    return last;
  }
}
