/** Top-down merge sort in place: the two recursive calls sort disjoint halves of a and tmp. */
public class InPlaceSort {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int[] a = data(n);
    int[] tmp = new int[n];
    sort(a, tmp, 0, n);
    System.out.println("n=" + n + " checksum=" + checksum(a));
    System.out.println("first=" + a[0] + " last=" + a[n - 1]);
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (int) ((i * 2654435761L) % 100_003);
    }
    return d;
  }

  // weft: blocked OverlappingEffects -- TODO: safe (the calls touch [lo, mid) and [mid, hi)), but proving it needs index-range summaries and merge's invariant i < mid when j >= hi
  static void sort(int[] a, int[] tmp, int lo, int hi) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    sort(a, tmp, lo, mid);
    sort(a, tmp, mid, hi);
    if (a[mid - 1] <= a[mid]) {
      return;
    }
    merge(a, tmp, lo, mid, hi);
  }

  static void merge(int[] a, int[] tmp, int lo, int mid, int hi) {
    int i = lo;
    int j = mid;
    // weft: blocked LoopCarriedDependence -- i and j carry over between iterations
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && a[i] <= a[j])) {
        tmp[k] = a[i++];
      } else {
        tmp[k] = a[j++];
      }
    }
    // weft: DoallLoop -- a[k] and tmp[k] at the same index only
    for (int k = lo; k < hi; k++) {
      a[k] = tmp[k];
    }
  }

  static long checksum(int[] a) {
    long h = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      h += (long) a[i] * (i + 1);
    }
    return h;
  }
}
