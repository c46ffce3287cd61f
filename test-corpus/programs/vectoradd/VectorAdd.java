/** c = a + b into a fresh array, then the sum of c. */
public class VectorAdd {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = new int[n];
    int[] b = new int[n];
    // weft: DoallLoop -- two writes per iteration, both at index i
    for (int i = 0; i < n; i++) {
      a[i] = i % 251;
      b[i] = (i * 3) % 127;
    }
    int[] c = add(a, b);
    System.out.println("n=" + n + " sum=" + sum(c));
  }

  static int[] add(int[] a, int[] b) {
    int[] c = new int[a.length];
    // weft: DoallLoop
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }

  static long sum(int[] c) {
    long s = 0;
    // weft: Reduction
    for (int v : c) {
      s += v;
    }
    return s;
  }
}
