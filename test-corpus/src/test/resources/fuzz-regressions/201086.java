// weft-fuzz seed=201086 status=fixed MISMATCH: rewrite: with 1 workers: stdout line 1: expected 'k0=1210166468', got 'k0=-849181410' -- HashMap.merge resizes lazily at the start of its next call; fixed: the keyed merge replays the last call (runtime KeyedView)
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
        int n = 18571 + args.length;
        int[] ia1 = new int[n];
        long rk0 = k0(ia1, ia1, ia1);
        System.out.println("k0=" + rk0);
    }

    static long k0(int[] p0, int[] p1, int[] p2) {
        int m = (p0.length - 8) / 3;
        Map<Integer, Long> mp = new HashMap<>();
        for (int i = 0; i < m; i++) {
            mp.merge(((i | 983975)) % 30, (long) (p0[i + 6]), Math::max);
        }
        return mp.size() * 31L + mp.toString().hashCode();
    }
}
