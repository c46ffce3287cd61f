package dev.weft.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.corpus.FindingSites.Kind;
import dev.weft.corpus.FindingSites.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingSitesTest {

  @TempDir Path dir;

  private static final List<String> SOURCE =
      List.of(
          "class P {", //                                   1
          "  static int[] f(int n) {", //                   2
          "    int[] a = new int[n];", //                   3
          "    // weft: DoallLoop", //                      4
          "    for (int i = 0; i < n; i++) {", //           5
          "      for (int j = 0; j < 3; j++) a[i] += j;", // 6 nested in an accepted loop: no site
          "    }", //                                       7
          "    // weft: blocked LoopCarriedDependence", //  8
          "    for (int i = 1; i < n; i++) {", //           9
          "      while (a[i] > 0) a[i]--;", //              10 nested in a rejected loop: a site
          "    }", //                                       11
          "    return a;", //                               12
          "  }", //                                         13
          "  static long fib(int n) {", //                  14
          "    return n < 2 ? n : fib(n - 1) + fib(n - 2);", // 15
          "  }", //                                         16
          "  public static void main(String[] args) {", //  17
          "    int[] x = f(3);", //                         18 run of two calls
          "    f(4);", //                                   19
          "    System.out.println(x[0]);", //               20
          "    long y = fib(5);", //                        21 starts a run with 22 and 23
          "    x = f(5);", //                               22 an assignment: the run is ambiguous
          "    f(6);", //                                   23
          "  }", //                                         24
          "}");

  @Test
  void sitesFollowTheContract() throws IOException {
    Files.write(dir.resolve("P.java"), SOURCE);
    FindingSites.Result r = FindingSites.of(dir, MarkerParser.parseDirectory(dir));
    assertEquals(
        List.of(
            new Site("P.java", 5, Kind.LOOP),
            new Site("P.java", 9, Kind.LOOP),
            new Site("P.java", 10, Kind.LOOP),
            new Site("P.java", 14, Kind.RECURSION),
            new Site("P.java", 18, Kind.CALLS)),
        r.sites().stream()
            .sorted(java.util.Comparator.comparingInt(Site::line))
            .collect(java.util.stream.Collectors.toList()));
    assertEquals(
        List.of("P.java:21: run of calls includes an assignment x = f(...): ambiguous candidate"),
        r.problems());
  }
}
