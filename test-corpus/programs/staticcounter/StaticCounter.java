/** A static call counter behind two otherwise independent calls, and behind a call in a loop. */
public class StaticCounter {

  static int calls;

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = ramp(n, 1);
    System.out.println("n=" + n);
    int[] b = ramp(n, 2);
    System.out.println("ready");
    // weft: blocked OverlappingEffects -- both calls increment the static counter calls
    long x = sumOf(a);
    long y = sumOf(b);
    System.out.println("x=" + x + " y=" + y + " calls=" + calls);
    int[][] parts = {a, b, a};
    System.out.println("parts=" + sumParts(parts) + " calls=" + calls);
  }

  static int[] ramp(int n, int k) {
    int[] r = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      r[i] = (i * k) % 777;
    }
    return r;
  }

  static long sumOf(int[] a) {
    calls++;
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  static long sumParts(int[][] parts) {
    long total = 0;
    // weft: blocked CallsImpureMethod -- sumOf writes the static field calls
    for (int k = 0; k < parts.length; k++) {
      total += sumOf(parts[k]);
    }
    return total;
  }
}
