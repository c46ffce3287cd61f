import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.TreeMap;

/** Enhanced for over collections: only arrays and RandomAccess lists are canonical. */
public class Collections1 {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    ArrayList<Integer> list = residues(n);
    System.out.println("n=" + n + " list=" + list.size());
    HashSet<Integer> set = new HashSet<>(list);
    LinkedList<Integer> linked = new LinkedList<>(list);
    System.out.println("arrayList=" + sumArrayList(list));
    System.out.println("hashSet=" + sumSet(set));
    System.out.println("linkedList=" + sumLinked(linked));
    TreeMap<Integer, Integer> firstSeen = new TreeMap<>();
    firstSeen.put(3, 30);
    firstSeen.put(1, 10);
    System.out.println("keys=" + sumKeys(firstSeen));
  }

  static ArrayList<Integer> residues(int n) {
    ArrayList<Integer> out = new ArrayList<>();
    // weft: OrderedAppend
    for (int i = 0; i < n; i++) {
      out.add((i * i) % 1009);
    }
    return out;
  }

  static long sumArrayList(ArrayList<Integer> xs) {
    long s = 0;
    // weft: Reduction -- ArrayList is RandomAccess
    for (int v : xs) {
      s += v;
    }
    return s;
  }

  static long sumSet(HashSet<Integer> set) {
    long s = 0;
    // weft: blocked NonCanonicalLoop -- iterates a HashSet
    for (int v : set) {
      s += v;
    }
    return s;
  }

  static long sumLinked(LinkedList<Integer> xs) {
    long s = 0;
    // weft: blocked NonCanonicalLoop -- iterates a LinkedList
    for (int v : xs) {
      s += (long) v * v;
    }
    return s;
  }

  static long sumKeys(TreeMap<Integer, Integer> m) {
    long s = 0;
    // weft: blocked NonCanonicalLoop -- iterates a keySet()
    for (int k : m.keySet()) {
      s += k;
    }
    return s;
  }
}
