/** I/O in loops, directly and through a helper; String.format into an array is not I/O. */
public class IoLoop {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int[] a = squares(n);
    // weft: blocked IoInRegion
    for (int i = 0; i < a.length; i++) {
      System.out.println("a[" + i + "]=" + a[i]);
    }
    // weft: blocked IoInRegion -- through log(int)
    for (int i = 0; i < a.length; i++) {
      log(a[i]);
    }
    String[] padded = format(a);
    System.out.println(String.join("|", padded));
  }

  static int[] squares(int n) {
    int[] a = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      a[i] = i * i;
    }
    return a;
  }

  static void log(int v) {
    System.out.println("log " + v);
  }

  static String[] format(int[] a) {
    String[] out = new String[a.length];
    // weft: DoallLoop -- String.format only reads (and fills benign caches)
    for (int i = 0; i < a.length; i++) {
      out[i] = String.format("%05d", a[i]);
    }
    return out;
  }
}
