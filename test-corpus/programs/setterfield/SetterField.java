/** Writes into shared objects from a loop: through a setter method, and through a getter's result. */
public class SetterField {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int[] a = data(n);
    System.out.println("n=" + n);
    System.out.println("viaSetter=" + viaSetter(a));
    System.out.println("viaGetter=" + viaGetter(a));
    System.out.println("readOnly=" + readOnly(a, new SetterStats()));
  }

  static int[] data(int n) {
    int[] d = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      d[i] = (i * 31) % 97;
    }
    return d;
  }

  static long viaSetter(int[] a) {
    SetterTally tally = new SetterTally();
    // weft: blocked CallsImpureMethod -- SetterTally.add writes tally.total, shared by all iterations
    for (int i = 0; i < a.length; i++) {
      tally.add(a[i]);
    }
    return tally.total();
  }

  static long viaGetter(int[] a) {
    SetterHolder holder = new SetterHolder();
    // weft: blocked WritesSharedField -- writes the field hits of the object the getter returns
    for (int i = 0; i < a.length; i++) {
      holder.stats().hits += a[i] & 1;
    }
    return holder.stats().hits;
  }

  static long readOnly(int[] a, SetterStats stats) {
    stats.hits = 3;
    long s = 0;
    // weft: Reduction -- the field is only read
    for (int i = 0; i < a.length; i++) {
      s += (long) stats.hits * a[i];
    }
    return s;
  }
}
