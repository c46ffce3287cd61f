// weft-fuzz seed=100186 status=fixed MISMATCH: rewrite: with 1 workers: stdout line 2: expected 'k1=-1100541501', got 'k1=-1508983643'
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
        int n = 19297 + args.length;
        long[] la0 = new long[n];
        long rk1 = k1(la0);
        System.out.println("k1=" + rk1);
    }

    static long k1(long[] p0) {
        int m = (p0.length - 8) / 3;
        Map<Integer, Long> mp = new HashMap<>();
        for (int i = 0; i < m; i++) {
            int key = (((int) (p0[i]) - i)) % 25;
            mp.put(key, mp.getOrDefault(key, 0L) + (p0[2 * i] + (long) (i)));
        }
        return mp.size() * 31L + mp.toString().hashCode();
    }
}
