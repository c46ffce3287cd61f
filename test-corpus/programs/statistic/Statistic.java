/** Mean, variance, min, max, xor and parity counts over an int[]: a reduction-heavy statistic. Demo kernel. */
public class Statistic {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] data = data(n);
    System.out.println("n=" + n);
    long[] s = stats(data);
    System.out.println("sum=" + s[0] + " sumSq=" + s[1] + " min=" + s[2] + " max=" + s[3]);
    System.out.println("xor=" + s[4] + " odd=" + s[5] + " score=" + s[6]);
    long mean = s[0] / n;
    long variance = s[1] / n - mean * mean;
    System.out.println("mean=" + mean + " variance=" + variance);
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

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (mix(i) >> 16) + (i % 1000);
    }
    return d;
  }

  /** A per-element score (a few rounds of integer hashing) that the statistic also sums. */
  static long score(int v) {
    long x = v * 0x9E3779B97F4A7C15L;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 32;
    x *= 0x94D049BB133111EBL;
    x ^= x >>> 29;
    return x & 0xFFFF;
  }

  static long[] stats(int[] d) {
    long sum = 0;
    long sumSq = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    int xor = 0;
    long odd = 0;
    long scoreSum = 0;
    // weft: Reduction -- sum, sumSq, min, max, xor, odd and scoreSum are all associative accumulators
    for (int i = 0; i < d.length; i++) {
      int v = d[i];
      sum += v;
      sumSq += (long) v * v;
      min = Math.min(min, v);
      if (v > max) {
        max = v;
      }
      xor ^= v;
      if ((v & 1) != 0) {
        odd++;
      }
      scoreSum += score(v) + score(v ^ 0x55555555) + score(v + i) + score(v * 3) + score(i) + score(v - i);
    }
    return new long[] {sum, sumSq, min, max, xor, odd, scoreSum};
  }
}
