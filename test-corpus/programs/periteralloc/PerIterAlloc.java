/** Objects allocated per iteration: writing their fields or appending to them stays in the iteration. */
public class PerIterAlloc {

  static final class Point {
    int x;
    int y;

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    long[] norms = norms(n);
    System.out.println("n=" + n + " norms checksum=" + checksum(norms));
    String[] labels = labels(n / 10);
    System.out.println("labels=" + labels.length + " last=" + labels[labels.length - 1]);
  }

  static long[] norms(int n) {
    long[] out = new long[n];
    // weft: DoallLoop -- p is allocated in the iteration, so writing p.x is local
    for (int i = 0; i < n; i++) {
      Point p = new Point(i % 100, i % 37);
      p.x += 3;
      p.y = p.y * 2;
      out[i] = (long) p.x * p.x + (long) p.y * p.y;
    }
    return out;
  }

  static String[] labels(int n) {
    String[] out = new String[n];
    // weft: DoallLoop -- each iteration appends to its own StringBuilder
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      sb.append('L');
      sb.append(i % 1000);
      out[i] = sb.toString();
    }
    return out;
  }

  static long checksum(long[] v) {
    long s = 0;
    // weft: Reduction
    for (long x : v) {
      s += x;
    }
    return s;
  }
}
