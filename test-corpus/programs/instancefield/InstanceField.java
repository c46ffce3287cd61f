import java.util.function.IntUnaryOperator;

/** Loops in instance methods, a constructor and a lambda; a loop that accumulates into a field. */
public class InstanceField {

  private final int[] cells;
  private long total;

  InstanceField(int n) {
    cells = new int[n];
    // weft: DoallLoop -- a loop in a constructor, writing the elements of this.cells
    for (int i = 0; i < n; i++) {
      cells[i] = (i * 19) % 101;
    }
  }

  void scale(int f) {
    // weft: DoallLoop
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i] * f;
    }
  }

  void accumulate() {
    // weft: blocked WritesSharedField -- total is an instance field
    for (int i = 0; i < cells.length; i++) {
      total += cells[i];
    }
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    InstanceField f = new InstanceField(n);
    f.scale(3);
    System.out.println("n=" + n);
    f.accumulate();
    System.out.println("total=" + f.total);
    IntUnaryOperator triangle = k -> {
      int s = 0;
      // weft: Reduction -- a loop inside a lambda
      for (int i = 1; i <= k; i++) {
        s += i;
      }
      return s;
    };
    System.out.println("triangle=" + triangle.applyAsInt(n % 1000 + 17));
  }
}
