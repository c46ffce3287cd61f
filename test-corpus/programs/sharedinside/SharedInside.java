/**
 * Two calls on distinct objects that both hold the same array: the objects differ, the memory the
 * calls write does not. Running them in parallel would race on the shared cells.
 */
public class SharedInside {

  static final class Tally {
    final long[] cells;

    Tally(long[] cells) {
      this.cells = cells;
    }
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    long[] shared = new long[16];
    Tally a = new Tally(shared);
    Tally b = new Tally(shared);
    // weft: blocked OverlappingEffects -- a and b are distinct objects, but both hold the array shared
    tally(a, n, 1);
    tally(b, n, 2);
    long sum = 0;
    // weft: blocked TooLittleWork -- 16 iterations
    for (int i = 0; i < shared.length; i++) {
      sum += shared[i] * (i + 1);
    }
    System.out.println("sum=" + sum);
  }

  static void tally(Tally t, int n, int salt) {
    long[] cells = t.cells;
    // weft: blocked LoopCarriedDependence -- a histogram, but on an array the method did not allocate
    for (int i = 0; i < n; i++) {
      cells[(i * 7 + salt) & 15] += i ^ salt;
    }
  }
}
