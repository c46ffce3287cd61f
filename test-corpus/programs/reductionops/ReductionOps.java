/** Scalar reductions with every integral and boolean operator the contract lists. */
public class ReductionOps {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("bits=" + bits(a));
    System.out.println("product=" + product(a));
    System.out.println("flags=" + flags(a));
    System.out.println("divides=" + allDivide(a));
    System.out.println("picked=" + anyPickedOdd(a, picks(a.length)));
    System.out.println("checked=" + allChecked(a));
    System.out.println("range=" + range(a));
    System.out.println("count=" + countLarge(a));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 2654435761L % 65_521 == 0) ? -1 : (int) (i * 2654435761L % 65_521);
    }
    return d;
  }

  static String bits(int[] a) {
    int and = -1;
    int or = 0;
    int xor = 0;
    // weft: Reduction -- & | ^
    for (int i = 0; i < a.length; i++) {
      and &= a[i] | 1;
      or |= a[i];
      xor = xor ^ a[i];
    }
    return and + "/" + or + "/" + xor;
  }

  static long product(int[] a) {
    long p = 1;
    // weft: Reduction -- wrap-around multiplication is associative
    for (int i = 0; i < a.length; i++) {
      p *= a[i] | 1;
    }
    return p;
  }

  static String flags(int[] a) {
    boolean allBelow = true;
    boolean anyNegative = false;
    // weft: Reduction -- && and ||
    for (int i = 0; i < a.length; i++) {
      allBelow = allBelow && a[i] < 70_000;
      anyNegative = anyNegative || a[i] < 0;
    }
    return allBelow + "/" + anyNegative;
  }

  // The three loops below are && / || reductions whose short-circuited operand could throw for an
  // index the sequential loop never evaluates it at: a parallel chunk would, so they stay sequential.

  static boolean allDivide(int[] a) {
    boolean ok = true;
    // weft: blocked ThrowsException -- the && operand divides by a[i], which may be zero
    for (int i = 0; i < a.length; i++) {
      ok = ok && 1_000_000 / a[i] > 0;
    }
    return ok;
  }

  static int[] picks(int n) {
    int[] p = new int[n / 2];
    // weft: DoallLoop
    for (int i = 0; i < p.length; i++) {
      p[i] = (int) (i * 7919L % n);
    }
    return p;
  }

  static boolean anyPickedOdd(int[] a, int[] picked) {
    boolean found = false;
    // weft: blocked ThrowsException -- the || operand reads a[picked[i]], an index the loop does not bound
    for (int i = 0; i < picked.length; i++) {
      found = found || a[picked[i]] % 2 != 0;
    }
    return found;
  }

  static boolean positive(int v) {
    if (v == Integer.MIN_VALUE) {
      throw new IllegalArgumentException("no magnitude: " + v);
    }
    return v > 0;
  }

  static boolean allChecked(int[] a) {
    boolean ok = true;
    // weft: blocked ThrowsException -- the && operand calls positive, which may throw
    for (int i = 0; i < a.length; i++) {
      ok = ok && positive(a[i]);
    }
    return ok;
  }

  static String range(int[] a) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    // weft: Reduction -- Math.min and the if (e > s) s = e form on int
    for (int i = 0; i < a.length; i++) {
      min = Math.min(min, a[i]);
      if (a[i] > max) {
        max = a[i];
      }
    }
    return min + ".." + max;
  }

  static int countLarge(int[] a) {
    int c = 0;
    // weft: Reduction -- c++
    for (int v : a) {
      if (v > 60_000) {
        c++;
      }
    }
    return c;
  }
}
