/**
 * A search tree built from sorted keys: each call writes the fields of the node it allocates, before
 * and between its recursive calls. A recursion that stores into an array it hands to both calls is not
 * divide and conquer.
 */
public class TreeBuild {

  static final class Node {
    final int key;
    int size;
    Node left;
    Node right;

    Node(int key) {
      this.key = key;
    }
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Node root = build(keys(n), 0, n - 1);
    System.out.println("n=" + n + " size=" + root.size + " height=" + height(root));
    System.out.println("checksum=" + checksum(root));
    System.out.println("probe=" + probe(12, new int[] {7, 0}));
    System.out.println("relay=" + relay(12, new long[] {5, 3}));
  }

  static int[] keys(int n) {
    int[] keys = new int[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      keys[i] = 3 * i + (i % 7);
    }
    return keys;
  }

  // weft: DivideAndConquer -- the only stores go to the node this call allocates, which the recursive calls never see
  static Node build(int[] keys, int lo, int hi) {
    if (lo > hi) {
      return null;
    }
    int mid = (lo + hi) >>> 1;
    Node node = new Node(keys[mid]);
    node.size = hi - lo + 1;
    node.left = build(keys, lo, mid - 1);
    node.right = build(keys, mid + 1, hi);
    return node;
  }

  // weft: DivideAndConquer -- both self-calls only read the tree
  static int height(Node node) {
    if (node == null) {
      return 0;
    }
    return 1 + Math.max(height(node.left), height(node.right));
  }

  // weft: DivideAndConquer -- both self-calls only read the tree
  static long checksum(Node node) {
    if (node == null) {
      return 0;
    }
    return (long) node.key * node.size + checksum(node.left) + checksum(node.right);
  }

  // weft: blocked OverlappingEffects -- scratch[1] is stored between the two calls, and both read scratch
  static long probe(int depth, int[] seed) {
    if (depth == 0) {
      return seed[0] + seed[1];
    }
    int[] scratch = new int[2];
    scratch[0] = seed[0] * 31 + depth;
    long l = probe(depth - 1, scratch);
    scratch[1] = depth;
    long r = probe(depth - 1, scratch);
    return l * 17 + r;
  }

  // weft: blocked OverlappingEffects -- the first call's result is stored into scratch, which the second call reads
  static long relay(int depth, long[] seed) {
    if (depth == 0) {
      return seed[0] * 7 + seed[1];
    }
    long[] scratch = new long[] {seed[0] + depth, seed[1]};
    scratch[1] = relay(depth - 1, scratch);
    relay(depth - 1, scratch);
    return scratch[0] - scratch[1];
  }
}
