/** for loops that are not counted loops: the index changes in the body, or the step multiplies. */
public class IndexStep {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("skipping=" + skipping(a));
    System.out.println("powersOfTwo=" + powersOfTwo(a));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 11) % 13;
    }
    return d;
  }

  /** Skips the element after each zero by bumping the index in the body. */
  static long skipping(int[] a) {
    long s = 0;
    // weft: blocked NonCanonicalLoop -- i is modified in the body
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 0) {
        i++;
      }
      s += i < a.length ? a[i] : 0;
    }
    return s;
  }

  static long powersOfTwo(int[] a) {
    long s = 0;
    // weft: blocked NonCanonicalLoop -- the step i *= 2 is not an additive constant
    for (int i = 1; i < a.length; i *= 2) {
      s += a[i];
    }
    return s;
  }
}
