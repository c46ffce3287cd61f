import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/** Keyed reductions into local maps; the same update on a static map writes shared state. */
public class Keyed {

  static final HashMap<Integer, Integer> SEEN = new HashMap<>();

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("byResidue=" + byResidue(a));
    System.out.println("byDigit=" + byDigit(a));
    System.out.println("recentFirst=" + recentFirst(a));
    recordAll(a);
    System.out.println("seen=" + SEEN.size() + " seen[0]=" + SEEN.get(0));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 7) % 1013;
    }
    return d;
  }

  static TreeMap<Integer, Long> byResidue(int[] a) {
    TreeMap<Integer, Long> m = new TreeMap<>();
    // weft: KeyedReduction -- put(k, getOrDefault(k, 0) + v) on a local TreeMap
    for (int i = 0; i < a.length; i++) {
      int k = a[i] % 7;
      m.put(k, m.getOrDefault(k, 0L) + a[i]);
    }
    return m;
  }

  static LinkedHashMap<Integer, Long> byDigit(int[] a) {
    LinkedHashMap<Integer, Long> m = new LinkedHashMap<>();
    // weft: KeyedReduction -- merge with Long::sum; insertion order follows the first occurrence
    for (int v : a) {
      m.merge(v % 10, (long) v, Long::sum);
    }
    return m;
  }

  static LinkedHashMap<Integer, Long> recentFirst(int[] a) {
    // Access order: each merge moves its key to the end, so the map ends ordered by last occurrence.
    LinkedHashMap<Integer, Long> m = new LinkedHashMap<>(16, 0.75f, true);
    // weft: blocked CallsImpureMethod -- an access-ordered map: per-key merges would order by first occurrence
    for (int i = 0; i < a.length; i++) {
      m.merge(a[i] % 10, (long) a[i], Long::sum);
    }
    return m;
  }

  static void recordAll(int[] a) {
    // weft: blocked CallsImpureMethod -- SEEN is a static map shared with the rest of the program
    for (int i = 0; i < a.length; i++) {
      SEEN.merge(a[i] % 5, 1, Integer::sum);
    }
  }
}
