/** Sieve of Eratosthenes: the crossing-out loops carry state; the counting loop is a reduction. */
public class Sieve {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    boolean[] composite = sieve(n);
    System.out.println("n=" + n);
    long[] r = countAndSum(composite);
    System.out.println("primes=" + r[0] + " sum=" + r[1]);
  }

  static boolean[] sieve(int n) {
    boolean[] composite = new boolean[n + 1];
    int limit = (int) Math.sqrt(n);
    // weft: blocked LoopCarriedDependence -- reads composite[p], writes composite[m] with m not affine in p
    for (int p = 2; p <= limit; p++) {
      if (!composite[p]) {
        int m = p * p;
        // weft: blocked NonCanonicalLoop, LoopCarriedDependence -- while loop; m carries over
        while (m <= n) {
          composite[m] = true;
          m += p;
        }
      }
    }
    return composite;
  }

  static long[] countAndSum(boolean[] composite) {
    long count = 0;
    long sum = 0;
    // weft: Reduction
    for (int i = 2; i < composite.length; i++) {
      if (!composite[i]) {
        count++;
        sum += i;
      }
    }
    return new long[] {count, sum};
  }
}
