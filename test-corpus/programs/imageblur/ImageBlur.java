/** 3x3 box blur of a synthetic grey-level image into a fresh image. */
public class ImageBlur {

  public static void main(String[] args) {
    int h = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int w = h + 17;
    int[][] img = image(h, w);
    System.out.println("h=" + h + " w=" + w + " before=" + checksum(img));
    int[][] out = blur(img);
    System.out.println("after=" + checksum(out));
  }

  static int[][] image(int h, int w) {
    int[][] img = new int[h][];
    // weft: DoallLoop
    for (int y = 0; y < h; y++) {
      int[] row = new int[w];
      for (int x = 0; x < w; x++) {
        row[x] = ((x * x + 3 * y * y + x * y) >> 3) & 255;
      }
      img[y] = row;
    }
    return img;
  }

  static int[][] blur(int[][] img) {
    int h = img.length;
    int w = img[0].length;
    int[][] out = new int[h][];
    // weft: DoallLoop -- out[y] is a row allocated in iteration y; img is only read
    for (int y = 0; y < h; y++) {
      int[] row = new int[w];
      for (int x = 0; x < w; x++) {
        int sum = 0;
        int count = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int yy = y + dy;
            int xx = x + dx;
            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
              sum += img[yy][xx];
              count++;
            }
          }
        }
        row[x] = sum / count;
      }
      out[y] = row;
    }
    return out;
  }

  static long checksum(int[][] img) {
    long s = 0;
    // weft: Reduction
    for (int y = 0; y < img.length; y++) {
      for (int x = 0; x < img[y].length; x++) {
        s += (long) img[y][x] * (x + 1) + y;
      }
    }
    return s;
  }
}
