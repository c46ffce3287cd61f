import java.util.Arrays;

/** Merge sort that returns fresh arrays: the two recursive halves only read the input. Demo kernel. */
public class MergeSort {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int[] data = data(n);
    System.out.println("n=" + n);
    int[] sorted = sort(data, 0, data.length);
    System.out.println("inversions-left=" + unsorted(sorted));
    System.out.println("checksum=" + checksum(sorted));
    System.out.println("min=" + sorted[0] + " max=" + sorted[n - 1]);
  }

  static int mix(int i) {
    int x = i * 0x9E3779B1;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    return x;
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = mix(i) % 1_000_000;
    }
    return d;
  }

  // weft: DivideAndConquer -- both halves read a and return fresh arrays
  static int[] sort(int[] a, int lo, int hi) {
    if (hi - lo <= 32) {
      int[] small = Arrays.copyOfRange(a, lo, hi);
      Arrays.sort(small);
      return small;
    }
    int mid = (lo + hi) >>> 1;
    int[] left = sort(a, lo, mid);
    int[] right = sort(a, mid, hi);
    return merge(left, right);
  }

  static int[] merge(int[] l, int[] r) {
    int[] out = new int[l.length + r.length];
    int i = 0;
    int j = 0;
    // weft: blocked LoopCarriedDependence -- the read positions i and j carry over between iterations
    for (int k = 0; k < out.length; k++) {
      if (j >= r.length || (i < l.length && l[i] <= r[j])) {
        out[k] = l[i++];
      } else {
        out[k] = r[j++];
      }
    }
    return out;
  }

  static int unsorted(int[] s) {
    int bad = 0;
    // weft: Reduction
    for (int i = 1; i < s.length; i++) {
      if (s[i - 1] > s[i]) {
        bad++;
      }
    }
    return bad;
  }

  static long checksum(int[] s) {
    long h = 0;
    // weft: Reduction
    for (int i = 0; i < s.length; i++) {
      h += (long) s[i] * (i + 1);
    }
    return h;
  }
}
