import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Word frequencies over a generated text: a keyed reduction into a HashMap. Demo kernel. */
public class WordFreq {

  static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "so", "vi"};

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    HashMap<String, Integer> freq = count(n);
    System.out.println("words=" + n + " distinct=" + freq.size());
    ArrayList<String> keys = new ArrayList<>(freq.keySet());
    Collections.sort(keys);
    System.out.println("checksum=" + checksum(keys, freq));
    System.out.println("total=" + total(freq));
    int top = Math.min(5, keys.size());
    // weft: blocked IoInRegion
    for (int i = 0; i < top; i++) {
      System.out.println(keys.get(i) + " " + freq.get(keys.get(i)));
    }
  }

  static int mix(int i) {
    int x = i * 0x9E3779B1;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x;
  }

  /** The i-th word of the text: two or three syllables chosen by a hash of i. */
  static String word(int i) {
    int x = mix(i) & 0x7FFFFFFF;
    String w = SYLLABLES[x % 8] + SYLLABLES[(x / 8) % 8];
    if ((x & 0x400) != 0) {
      w = w + SYLLABLES[(x / 64) % 8];
    }
    return w;
  }

  static HashMap<String, Integer> count(int n) {
    HashMap<String, Integer> freq = new HashMap<>();
    // weft: KeyedReduction -- merge with Integer::sum into a local map
    for (int i = 0; i < n; i++) {
      freq.merge(word(i), 1, Integer::sum);
    }
    return freq;
  }

  static long checksum(ArrayList<String> keys, HashMap<String, Integer> freq) {
    long h = 0;
    // weft: Reduction -- enhanced for over an ArrayList (RandomAccess); freq is only read
    for (String k : keys) {
      h += (long) k.hashCode() * freq.get(k);
    }
    return h;
  }

  static long total(HashMap<String, Integer> freq) {
    long t = 0;
    // weft: blocked NonCanonicalLoop -- iterates a Map.entrySet()
    for (Map.Entry<String, Integer> e : freq.entrySet()) {
      t += e.getValue();
    }
    return t;
  }
}
