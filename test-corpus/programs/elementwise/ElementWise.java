/** Compound assignments to array elements: at index i they are independent, at i % 8 a reduction. */
public class ElementWise {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    int[] b = data(n);
    System.out.println("ready");
    addInto(b, a);
    System.out.println("b checksum=" + checksum(b));
    int[] lanes = lanes(a);
    // weft: blocked IoInRegion
    for (int lane = 0; lane < lanes.length; lane++) {
      System.out.println("lane " + lane + " = " + lanes[lane]);
    }
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 41) % 97;
    }
    return d;
  }

  static void addInto(int[] b, int[] a) {
    // weft: DoallLoop -- b[i] += a[i] touches only index i
    for (int i = 0; i < b.length; i++) {
      b[i] += a[i];
    }
  }

  static int[] lanes(int[] a) {
    int[] lanes = new int[8];
    // weft: ArrayReduction -- lanes[i % 8] += a[i] on a local array
    for (int i = 0; i < a.length; i++) {
      lanes[i % 8] += a[i];
    }
    return lanes;
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
