/** Polynomial evaluation (Horner, modulo a prime) at many points. */
public class Polynomial {

  static final long MOD = 1_000_000_007L;

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long[] coef = coefficients(n / 100 + 3);
    System.out.println("degree=" + (coef.length - 1));
    long[] values = evalAll(coef, n);
    System.out.println("points=" + n + " checksum=" + checksum(values));
    System.out.println("p(2)=" + horner(coef, 2));
  }

  static long[] coefficients(int k) {
    long[] c = new long[k];
    // weft: DoallLoop
    for (int i = 0; i < k; i++) {
      c[i] = (i * 7L + 3) % 101;
    }
    return c;
  }

  static long[] evalAll(long[] coef, int points) {
    long[] out = new long[points];
    // weft: DoallLoop -- Horner's recurrence is inside the region, on locals of the iteration
    for (int p = 0; p < points; p++) {
      long x = p + 1;
      long acc = 0;
      for (int k = 0; k < coef.length; k++) {
        acc = (acc * x + coef[k]) % MOD;
      }
      out[p] = acc;
    }
    return out;
  }

  static long horner(long[] coef, long x) {
    long acc = 0;
    // weft: blocked LoopCarriedDependence -- acc = acc * x + c is not an associative update
    for (int k = 0; k < coef.length; k++) {
      acc = (acc * x + coef[k]) % MOD;
    }
    return acc;
  }

  static long checksum(long[] v) {
    long s = 0;
    // weft: Reduction
    for (long e : v) {
      s ^= e;
    }
    return s;
  }
}
