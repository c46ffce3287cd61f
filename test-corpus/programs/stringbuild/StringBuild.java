/** Ordered appends: a StringBuilder and a String built in index order. */
public class StringBuild {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    String csv = csv(n);
    System.out.println("csv length=" + csv.length() + " hash=" + csv.hashCode());
    String letters = letters(n / 5);
    System.out.println("letters length=" + letters.length() + " hash=" + letters.hashCode());
    System.out.println("tail=" + letters.substring(Math.max(0, letters.length() - 30)));
  }

  static String csv(int n) {
    StringBuilder sb = new StringBuilder();
    // weft: OrderedAppend -- sb is local and only appended to
    for (int i = 0; i < n; i++) {
      sb.append((i * 37) % 1000);
      sb.append(',');
    }
    return sb.toString();
  }

  static String letters(int n) {
    String s = "";
    // weft: OrderedAppend -- String += on a local
    for (int i = 0; i < n; i++) {
      s += (char) ('a' + (i * 7) % 26);
    }
    return s;
  }
}
