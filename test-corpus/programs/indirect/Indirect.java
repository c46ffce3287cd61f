/** Indirect and non-affine subscripts: scatter and a[i * i] writes cannot be proven distinct; a gather can. */
public class Indirect {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] idx = permutation(n);
    System.out.println("n=" + n);
    int[] scattered = scatter(idx);
    System.out.println("scatter checksum=" + checksum(scattered));
    int[] gathered = gather(scattered, idx);
    System.out.println("gather checksum=" + checksum(gathered));
    int[] squares = squareSlots(n / 1000 + 10);
    System.out.println("squares checksum=" + checksum(squares));
  }

  /** i -> i * 7 mod n is a permutation when gcd(7, n) = 1; otherwise some slots repeat. */
  static int[] permutation(int n) {
    int[] p = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      p[i] = (int) ((i * 7L) % n);
    }
    return p;
  }

  static int[] scatter(int[] idx) {
    int[] out = new int[idx.length];
    // weft: blocked LoopCarriedDependence -- indirect write subscript out[idx[i]]
    for (int i = 0; i < idx.length; i++) {
      out[idx[i]] = i;
    }
    return out;
  }

  static int[] gather(int[] src, int[] idx) {
    int[] out = new int[idx.length];
    // weft: DoallLoop -- indirect reads only; writes out[i]
    for (int i = 0; i < idx.length; i++) {
      out[i] = src[idx[i]];
    }
    return out;
  }

  static int[] squareSlots(int m) {
    int[] sq = new int[m * m];
    // weft: blocked LoopCarriedDependence -- non-affine write subscript i * i
    for (int i = 0; i < m; i++) {
      sq[i * i] = i + 1;
    }
    return sq;
  }

  static long checksum(int[] a) {
    long s = 0;
    // weft: Reduction
    for (int i = 0; i < a.length; i++) {
      s += (long) a[i] * (i + 1);
    }
    return s;
  }
}
