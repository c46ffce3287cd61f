/** A loop that accumulates into a static field, and calls that write the same static or array. */
public class SharedTotal {

  static long total;

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = ramp(n, 3);
    System.out.println("n=" + n);
    int[] b = ramp(n, 5);
    System.out.println("ready");
    // weft: blocked OverlappingEffects -- both calls write the static field total
    addAll(a);
    addAll(b);
    System.out.println("total=" + total);
    // weft: blocked OverlappingEffects -- both calls write a
    scale(a, 3);
    offset(a, 7);
    System.out.println("a[1]=" + a[1] + " a[n-1]=" + a[n - 1]);
  }

  static int[] ramp(int n, int k) {
    int[] r = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      r[i] = (i * k) % 1001;
    }
    return r;
  }

  static void addAll(int[] a) {
    // weft: blocked WritesSharedField -- total is a static field
    for (int i = 0; i < a.length; i++) {
      total += a[i];
    }
  }

  static void scale(int[] a, int f) {
    // weft: DoallLoop
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * f;
    }
  }

  static void offset(int[] a, int d) {
    // weft: DoallLoop
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] + d;
    }
  }
}
