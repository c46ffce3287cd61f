/** Dependences at distance k, and subscripts the GCD / Banerjee tests prove independent. */
public class CarriedK {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int[] a = data(2 * n + 2);
    System.out.println("n=" + n + " k=" + k);
    distanceK(a, n, k);
    System.out.println("distanceK checksum=" + checksum(a));
    distanceEight(a, n);
    System.out.println("distanceEight checksum=" + checksum(a));
    evenFromOdd(a, n);
    System.out.println("evenFromOdd checksum=" + checksum(a));
    lowerFromUpper(a, n);
    System.out.println("lowerFromUpper checksum=" + checksum(a));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 53) % 211;
    }
    return d;
  }

  static void distanceK(int[] a, int n, int k) {
    // weft: blocked LoopCarriedDependence -- a[i + k] written, a[i] read: distance k
    for (int i = 0; i < n; i++) {
      a[i + k] = a[i] * 3 + 1;
    }
  }

  static void distanceEight(int[] a, int n) {
    // weft: blocked LoopCarriedDependence -- distance 8
    for (int i = 0; i < n; i++) {
      a[i + 8] = (a[i] + 1) % 100_003;
    }
  }

  /** Writes even indices, reads odd ones: gcd(2, 2) = 2 does not divide 1, so no dependence. */
  static void evenFromOdd(int[] a, int n) {
    // weft: DoallLoop -- GCD test
    for (int i = 0; i < n; i++) {
      a[2 * i] = a[2 * i + 1] + 1;
    }
  }

  /** Writes [0, n), reads [n, 2n): i1 = i2 + n has no solution with both in [0, n). */
  static void lowerFromUpper(int[] a, int n) {
    // weft: DoallLoop -- Banerjee bounds test
    for (int i = 0; i < n; i++) {
      a[i] = a[i + n] ^ 0x55;
    }
  }

  static long checksum(int[] a) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      s += (long) a[i] * (i % 7 + 1);
    }
    return s;
  }
}
