import java.util.ArrayList;

/** Append targets that the loop also reads or modifies in place: not ordered appends. */
public class AppendRead {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    ArrayList<Integer> marks = markers(n);
    System.out.println("n=" + n + " marks=" + marks.size() + " last=" + marks.get(marks.size() - 1));
    String rev = reversedDigits(n / 10);
    System.out.println("reversed length=" + rev.length() + " head=" + rev.substring(0, 20));
  }

  /** The size of the list so far decides what is appended: the target is read. */
  static ArrayList<Integer> markers(int n) {
    ArrayList<Integer> out = new ArrayList<>();
    // weft: blocked LoopCarriedDependence -- out.size() reads the append target
    for (int i = 0; i < n; i++) {
      out.add(i * 10 + out.size() % 10);
    }
    return out;
  }

  static String reversedDigits(int n) {
    StringBuilder sb = new StringBuilder();
    // weft: blocked CallsImpureMethod -- insert(0, c) is not an append: it rewrites the shared builder
    for (int i = 0; i < n; i++) {
      sb.insert(0, (char) ('0' + i % 10));
    }
    return sb.toString();
  }
}
