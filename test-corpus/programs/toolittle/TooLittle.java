/** Loops with a trip count known at compile time: too little work for a task, except the big one. */
public class TooLittle {

  static final int N = 16;
  static final int[] TABLE = new int[256];

  static {
    // weft: blocked TooLittleWork -- 256 iterations of a few operations
    for (int i = 0; i < TABLE.length; i++) {
      TABLE[i] = (i * 31) ^ (i >>> 2);
    }
  }

  public static void main(String[] args) {
    System.out.println("table=" + TABLE[255]);
    System.out.println("squares=" + squares()[7]);
    System.out.println("constSum=" + constSum());
    System.out.println("fromLength=" + fromLength()[11]);
    System.out.println("bigLiteral=" + bigLiteral());
  }

  static int[] squares() {
    int[] s = new int[8];
    // weft: blocked TooLittleWork -- 8 iterations
    for (int i = 0; i < 8; i++) {
      s[i] = i * i;
    }
    return s;
  }

  static long constSum() {
    long t = 0;
    // weft: blocked TooLittleWork -- N is a compile-time constant (16)
    for (int i = 0; i < N; i++) {
      t += i * 3;
    }
    return t;
  }

  static int[] fromLength() {
    final int[] buf = new int[12];
    // weft: blocked TooLittleWork -- buf.length is 12
    for (int i = 0; i < buf.length; i++) {
      buf[i] = i + 1;
    }
    return buf;
  }

  static long bigLiteral() {
    long t = 0;
    // weft: Reduction -- 100,000 iterations is enough work
    for (int i = 0; i < 100_000; i++) {
      t += i ^ (i >>> 3);
    }
    return t;
  }
}
