/** Scalar reductions with every integral and boolean operator the contract lists. */
public class ReductionOps {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("bits=" + bits(a));
    System.out.println("product=" + product(a));
    System.out.println("flags=" + flags(a));
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
