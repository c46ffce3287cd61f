/** Recursion over a binary tree: building and summing are divide and conquer; counting into a static is not. */
public class TreeRecursion {

  static final class Node {
    final int value;
    Node left;
    Node right;

    Node(int value) {
      this.value = value;
    }
  }

  static int visited;

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Node root = build(0, n - 1);
    System.out.println("n=" + n);
    long s = sum(root);
    System.out.println("sum=" + s);
    visit(root);
    System.out.println("visited=" + visited);
  }

  static int mix(int i) {
    int x = i * 0x9E3779B1;
    x ^= x >>> 16;
    return x & 0xFFFF;
  }

  // weft: DivideAndConquer -- each half allocates its own nodes
  static Node build(int lo, int hi) {
    if (lo > hi) {
      return null;
    }
    int mid = (lo + hi) >>> 1;
    Node node = new Node(mix(mid));
    node.left = build(lo, mid - 1);
    node.right = build(mid + 1, hi);
    return node;
  }

  // weft: DivideAndConquer -- both self-calls only read the tree
  static long sum(Node node) {
    if (node == null) {
      return 0;
    }
    return node.value + sum(node.left) + sum(node.right);
  }

  // weft: blocked OverlappingEffects -- both self-calls increment the static field visited
  static void visit(Node node) {
    if (node == null) {
      return;
    }
    visited++;
    visit(node.left);
    visit(node.right);
  }
}
