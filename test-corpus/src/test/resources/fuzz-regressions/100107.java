// weft-fuzz seed=100107 status=fixed MISMATCH: rewrite: with 1 workers: stdout line 1: expected 'k0=1243297345', got 'k0=-1514582363'
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
        int n = 17559 + args.length;
        int[] ia0 = new int[n];
        for (int i = 0; i < n; i++) {
            ia0[i] = (i * 760560) ^ (i >>> 3);
        }
        int[] ia1 = new int[n];
        long rk0 = k0(ia0, ia1, ia0);
        System.out.println("k0=" + rk0);
    }

    static long k0(int[] p0, int[] p1, int[] p2) {
        int m = (p0.length - 8) / 3;
        HashMap<Integer, Long> mp = new HashMap<>();
        for (int i = 0; i < m; i++) {
            int key = ((p2[2 * i] & 97622)) % 40;
            mp.put(key, mp.getOrDefault(key, 0L) + ((long) (p1[2 * i]) * (long) (p2[i + 3])));
        }
        return mp.size() * 31L + mp.toString().hashCode();
    }
}
