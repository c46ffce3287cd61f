import java.io.IOException;

/** Exceptions in loops: an explicit throw, and calls to a method that declares a checked exception. */
public class ThrowLoop {

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    int[] doubled = doubledNonNegative(a);
    System.out.println("doubled[n-1]=" + doubled[n - 1]);
    String digits = digits(n / 10);
    System.out.println("digitSum=" + digitSum(digits));
    try {
      a[n / 2] = -1;
      doubledNonNegative(a);
    } catch (IllegalArgumentException e) {
      System.out.println("caught: " + e.getMessage());
    }
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = i % 1000;
    }
    return d;
  }

  static int[] doubledNonNegative(int[] a) {
    int[] out = new int[a.length];
    // weft: blocked EarlyExit, ThrowsException -- explicit throw
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        throw new IllegalArgumentException("negative at " + i);
      }
      out[i] = a[i] * 2;
    }
    return out;
  }

  static String digits(int n) {
    StringBuilder sb = new StringBuilder();
    // weft: OrderedAppend
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + (i * 7) % 10));
    }
    return sb.toString();
  }

  static int digit(char c) throws IOException {
    if (c < '0' || c > '9') {
      throw new IOException("not a digit: " + c);
    }
    return c - '0';
  }

  static long digitSum(String s) throws IOException {
    long sum = 0;
    int len = s.length();
    // weft: blocked ThrowsException -- digit(char) declares IOException
    for (int i = 0; i < len; i++) {
      sum += digit(s.charAt(i));
    }
    return sum;
  }
}
