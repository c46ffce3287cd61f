// weft-fuzz seed=100089 status=fixed MISMATCH: rewrite: with 1 workers: stdout line 4: expected 'k5=-430149048', got 'k5=1114383320'
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Fuzz {

    static int g0;

    static long g1;

    public static void main(String[] args) {
        int n = 8767 + args.length;
        int[] ia0 = new int[n];
        double[] da0 = new double[n];
        for (int i = 0; i < n; i++) {
            da0[i] = i * 0.5 + 166299 / 7.0;
        }
        k3(da0);
        long rk5 = k5(da0, ia0);
        System.out.println("k5=" + rk5);
    }

    static void k3(double[] p0) {
        int m = (p0.length - 8) / 3;
        for (int i = 0; i < m; i++) {
            int t = ((i * 0x7fffffff) ^ (int) (p0[i]));
            p0[3 * i] = (double) (t);
        }
    }

    static long k5(double[] p0, int[] p1) {
        int m = (p0.length - 8) / 3;
        HashMap<Integer, Long> mp = new HashMap<>();
        for (int i = 0; i < m; i += 2) {
            int key = (((int) (p0[i]) & (int) (p0[2 * i]))) % 16;
            mp.put(key, mp.getOrDefault(key, 0L) + ((long) (p0[i]) * 0x7fffffff));
        }
        return mp.size() * 31L + mp.toString().hashCode();
    }
}
