import java.util.HashMap;
import java.util.Map;

/**
 * Keyed reductions written with put/getOrDefault on a HashMap whose keys share bins (k and k + 64
 * land in the same bin of a 64-slot table), so the iteration order shows how each key was linked.
 */
public class KeyedPut {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] keys = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      keys[i] = (int) ((i * 2654435761L) % 40) * 64 % 2000;
    }
    System.out.println("sums=" + sums(keys));
    System.out.println("offset=" + offsetCounts(keys));
  }

  static Map<Integer, Long> sums(int[] keys) {
    Map<Integer, Long> m = new HashMap<>();
    // weft: KeyedReduction
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], m.getOrDefault(keys[i], 0L) + i);
    }
    return m;
  }

  static Map<Integer, Integer> offsetCounts(int[] keys) {
    Map<Integer, Integer> m = new HashMap<>();
    // weft: blocked LoopCarriedDependence -- the default 1 is not the identity of +: each task would add it again
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], m.getOrDefault(keys[i], 1) + 1);
    }
    return m;
  }
}
