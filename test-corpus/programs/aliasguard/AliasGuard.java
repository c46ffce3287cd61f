/**
 * shift(a, b, n) writes a[i] = b[i + 1]. With a != b it is a DOALL loop; with a == b each iteration
 * reads what the next one overwrites. A runtime check a != b (falling back to the original loop)
 * makes it safe, so a correct analyzer accepts it with runtimeChecks = ["a != b"].
 */
public class AliasGuard {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] src = ramp(n + 1);
    int[] dst = new int[n];
    shift(dst, src, n);
    System.out.println("distinct: dst[0]=" + dst[0] + " dst[n-1]=" + dst[n - 1] + " sum=" + sum(dst));
    int[] same = ramp(n + 1);
    System.out.println("aliased: before same[0]=" + same[0]);
    shift(same, same, n);
    System.out.println("aliased: same[0]=" + same[0] + " same[n-1]=" + same[n - 1] + " sum=" + sum(same));
  }

  static int[] ramp(int n) {
    int[] r = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      r[i] = (i * 13) % 1000;
    }
    return r;
  }

  static void shift(int[] a, int[] b, int n) {
    // weft: DoallLoop -- accepted with the runtime check a != b
    for (int i = 0; i < n; i++) {
      a[i] = b[i + 1];
    }
  }

  static long sum(int[] a) {
    long s = 0;
    // weft: Reduction
    for (int v : a) {
      s += v;
    }
    return s;
  }
}
