/** Histogram of a hashed integer sequence into a power-of-two number of buckets. Demo kernel. */
public class Histogram {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int buckets = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int[] hist = histogram(n, buckets);
    System.out.println("n=" + n + " buckets=" + buckets);
    // weft: blocked IoInRegion
    for (int b = 0; b < hist.length; b++) {
      System.out.println(b + " " + hist[b]);
    }
    System.out.println("weighted=" + weighted(hist));
  }

  /** murmur3 finaliser: a fixed, stateless hash of i. */
  static int mix(int i) {
    int x = i * 0x9E3779B1;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x;
  }

  static int[] histogram(int n, int buckets) {
    int[] hist = new int[buckets];
    // weft: ArrayReduction -- hist is local and only incremented
    for (int i = 0; i < n; i++) {
      int v = mix(i) ^ mix(i + 0x5bd1e995);
      hist[(v >>> 7) & (buckets - 1)]++;
    }
    return hist;
  }

  static long weighted(int[] hist) {
    long s = 0;
    // weft: Reduction
    for (int b = 0; b < hist.length; b++) {
      s += (long) hist[b] * (b + 1);
    }
    return s;
  }
}
