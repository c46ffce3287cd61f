/** Mandelbrot set: points inside the set per image row, on an n x n grid. Demo kernel. */
public class Mandelbrot {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int maxIter = 200;
    int[] rows = insidePerRow(n, n, maxIter);
    System.out.println("size=" + n + " maxIter=" + maxIter);
    System.out.println("inside=" + total(rows));
    System.out.println("weighted=" + weighted(rows));
  }

  static int[] insidePerRow(int width, int height, int maxIter) {
    int[] counts = new int[height];
    // weft: DoallLoop -- counts[y] written only by iteration y; the escape loop is inside the region
    for (int y = 0; y < height; y++) {
      double ci = 2.0 * y / height - 1.0;
      int inside = 0;
      for (int x = 0; x < width; x++) {
        double cr = 3.0 * x / width - 2.0;
        double zr = 0.0;
        double zi = 0.0;
        int k = 0;
        while (k < maxIter && zr * zr + zi * zi <= 4.0) {
          double t = zr * zr - zi * zi + cr;
          zi = 2.0 * zr * zi + ci;
          zr = t;
          k++;
        }
        if (k == maxIter) {
          inside++;
        }
      }
      counts[y] = inside;
    }
    return counts;
  }

  static long total(int[] rows) {
    long s = 0;
    // weft: Reduction
    for (int v : rows) {
      s += v;
    }
    return s;
  }

  static long weighted(int[] rows) {
    long s = 0;
    // weft: Reduction
    for (int y = 0; y < rows.length; y++) {
      s += (long) rows[y] * (y + 1);
    }
    return s;
  }
}
