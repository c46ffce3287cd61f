/** Naive doubly recursive Fibonacci: the divide-and-conquer demo kernel. */
public class Fib {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    System.out.println("fib(" + n + ")=" + fib(n));
  }

  // weft: DivideAndConquer -- the two self-calls are pure
  static long fib(int n) {
    if (n < 2) {
      return n;
    }
    return fib(n - 1) + fib(n - 2);
  }
}
