/** All-pairs 2-D gravity: n bodies, fixed time steps, each step builds a fresh state. Demo kernel. */
public class NBody {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double[] mass = masses(n);
    System.out.println("bodies=" + n + " steps=" + steps);
    double[][] state = initial(n);
    System.out.printf("energy before=%.9f%n", energy(state, mass));
    // weft: blocked LoopCarriedDependence -- each step starts from the previous state
    for (int t = 0; t < steps; t++) {
      state = step(state, mass, 0.001);
    }
    System.out.printf("energy after=%.9f%n", energy(state, mass));
    System.out.println("checksum=" + checksum(state));
  }

  static double[] masses(int n) {
    double[] m = new double[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      m[i] = 1.0 + (i % 7) * 0.25;
    }
    return m;
  }

  /** state = {x, y, vx, vy}. */
  static double[][] initial(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    double[] vx = new double[n];
    double[] vy = new double[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      double r = 1.0 + (i % 13);
      x[i] = r * Math.cos(i * 0.7);
      y[i] = r * Math.sin(i * 0.7);
      vx[i] = -0.1 * y[i];
      vy[i] = 0.1 * x[i];
    }
    return new double[][] {x, y, vx, vy};
  }

  static double[][] step(double[][] s, double[] mass, double dt) {
    double[] x = s[0];
    double[] y = s[1];
    double[] vx = s[2];
    double[] vy = s[3];
    int n = x.length;
    double[] nvx = new double[n];
    double[] nvy = new double[n];
    // weft: DoallLoop -- the force sums are locals of the iteration; nvx, nvy are fresh
    for (int i = 0; i < n; i++) {
      double ax = 0.0;
      double ay = 0.0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double dx = x[j] - x[i];
          double dy = y[j] - y[i];
          double d2 = dx * dx + dy * dy + 0.01;
          double inv = mass[j] / (d2 * Math.sqrt(d2));
          ax += dx * inv;
          ay += dy * inv;
        }
      }
      nvx[i] = vx[i] + dt * ax;
      nvy[i] = vy[i] + dt * ay;
    }
    double[] nx = new double[n];
    double[] ny = new double[n];
    // weft: DoallLoop
    for (int i = 0; i < n; i++) {
      nx[i] = x[i] + dt * nvx[i];
      ny[i] = y[i] + dt * nvy[i];
    }
    return new double[][] {nx, ny, nvx, nvy};
  }

  static double energy(double[][] s, double[] mass) {
    double e = 0.0;
    // weft: blocked FloatingPointReduction
    for (int i = 0; i < mass.length; i++) {
      e += 0.5 * mass[i] * (s[2][i] * s[2][i] + s[3][i] * s[3][i]);
    }
    return e;
  }

  static long checksum(double[][] s) {
    long h = 0;
    // weft: Reduction
    for (int i = 0; i < s[0].length; i++) {
      h += (long) (s[0][i] * 1.0e6) + 3 * (long) (s[1][i] * 1.0e6);
    }
    return h;
  }
}
