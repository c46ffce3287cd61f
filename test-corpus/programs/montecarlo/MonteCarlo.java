import java.util.Random;

/** Monte Carlo estimate of pi: with a shared Random (impure) and with stateless hashed samples. */
public class MonteCarlo {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Random rnd = new Random(42);
    int hits = 0;
    // weft: blocked CallsImpureMethod -- Random.nextDouble advances the seed of the shared rnd
    for (int i = 0; i < n; i++) {
      double x = rnd.nextDouble();
      double y = rnd.nextDouble();
      if (x * x + y * y <= 1.0) {
        hits++;
      }
    }
    System.out.println("random: hits=" + hits + " of " + n);
    System.out.println("hashed: hits=" + hashedHits(n) + " of " + n);
  }

  static int mix(int i) {
    int x = i * 0x9E3779B1;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x;
  }

  static long hashedHits(int n) {
    long hits = 0;
    // weft: Reduction -- samples come from a pure hash of i
    for (int i = 0; i < n; i++) {
      double x = (mix(2 * i) >>> 8) / 16777216.0;
      double y = (mix(2 * i + 1) >>> 8) / 16777216.0;
      if (x * x + y * y <= 1.0) {
        hits++;
      }
    }
    return hits;
  }
}
