import java.util.ArrayList;

/** Filtering into new lists (ordered appends) and summing an ArrayList (a RandomAccess list). */
public class ListFilter {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    ArrayList<Integer> threes = multiplesOfThree(a);
    System.out.println("multiplesOfThree=" + threes.size());
    ArrayList<Integer> doubled = doubledEvens(a);
    System.out.println("doubledEvens=" + doubled.size() + " first=" + doubled.get(0));
    System.out.println("sum3=" + sum(threes));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 7919 + 13) % 10007;
    }
    return d;
  }

  static ArrayList<Integer> multiplesOfThree(int[] a) {
    ArrayList<Integer> out = new ArrayList<>();
    // weft: OrderedAppend -- out is local and only appended to
    for (int i = 0; i < a.length; i++) {
      if (a[i] % 3 == 0) {
        out.add(a[i]);
      }
    }
    return out;
  }

  static ArrayList<Integer> doubledEvens(int[] a) {
    ArrayList<Integer> out = new ArrayList<>();
    // weft: OrderedAppend -- enhanced for over an array
    for (int v : a) {
      if ((v & 1) == 0) {
        out.add(v * 2);
      }
    }
    return out;
  }

  static long sum(ArrayList<Integer> xs) {
    long s = 0;
    // weft: Reduction -- enhanced for over an ArrayList, which is RandomAccess
    for (int v : xs) {
      s += v;
    }
    return s;
  }
}
