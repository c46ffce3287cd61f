// weft-fuzz seed=100177 status=fixed MISMATCH: rewrite: with 1 workers: stdout line 3: expected 'k2=-830566893', got 'k2=230679555'
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
        int n = 7690 + args.length;
        long[] la1 = new long[n];
        for (int i = 0; i < n; i++) {
            la1[i] = (long) i * 430082L - (i >> 1);
        }
        long rk2 = k2(la1);
        System.out.println("k2=" + rk2);
    }

    static long k2(long[] p0) {
        int m = (p0.length - 8) / 3;
        Map<Integer, Long> mp = new HashMap<>();
        for (int i = 0; i < m; i++) {
            int key = (((int) (p0[3 * i]) + (int) (p0[i + 4]))) % 23;
            mp.put(key, mp.getOrDefault(key, 0L) + -1795750699L);
        }
        return mp.size() * 31L + mp.toString().hashCode();
    }
}
