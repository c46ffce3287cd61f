package dev.weft.fuzz;

import dev.weft.fuzz.Differential.Outcome;
import dev.weft.fuzz.Differential.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code test-corpus/fuzz SEED COUNT [--oracle] [--no-shrink] [--max-shrinks=N]}: checks COUNT generated programs
 * from SEED and ends with exactly one summary line:
 * {@code weft-fuzz programs=… regions=… mismatches=… crashes=… noncompiling=… timeouts=…}.
 *
 * <p>Each failure is printed on its own line, shrunk, and written to
 * {@code src/test/resources/fuzz-regressions/<seed>.java} (relative to the working directory,
 * the {@code test-corpus} module). {@code --oracle} instead parallelises every loop whose only
 * blocker is a loop-carried dependence and reports how often the differential check notices.
 */
public final class FuzzMain {

  private FuzzMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: fuzz SEED COUNT [--oracle] [--no-shrink] [--max-shrinks=N]");
      System.exit(2);
    }
    long seed = Long.parseLong(args[0]);
    long count = Long.parseLong(args[1]);
    boolean oracle = false;
    boolean shrink = true;
    // shrinking costs ~80 checks: after this many, failures are only listed (one bug tends to
    // fail many seeds)
    int shrinksLeft = 5;
    for (int k = 2; k < args.length; k++) {
      if (args[k].equals("--oracle")) oracle = true;
      else if (args[k].equals("--no-shrink")) shrink = false;
      else if (args[k].startsWith("--max-shrinks=")) shrinksLeft = Integer.parseInt(args[k].substring("--max-shrinks=".length()));
      else {
        System.err.println("unknown option: " + args[k]);
        System.exit(2);
      }
    }
    Path work = Files.createTempDirectory("weft-fuzz");
    Differential differential = new Differential(work, 20);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    long regions = 0;
    int doctoredPrograms = 0;
    int caught = 0;
    for (long s = seed; s < seed + count; s++) {
      String source = ProgramGenerator.generate(s);
      Verdict v = oracle ? differential.check(source, IgnoreDependences::doctor) : differential.check(source);
      counts.merge(v.outcome(), 1, Integer::sum);
      regions += v.regions();
      if ((s - seed + 1) % 25 == 0) {
        // progress on stderr, so a campaign stopped early still has its figures
        System.err.printf("weft-fuzz progress: seeds %d..%d regions=%d %s%n", seed, s, regions, counts);
      }
      if (oracle) {
        if (v.doctoredRewritten() > 0) {
          doctoredPrograms++;
          if (v.outcome() != Outcome.PASS) caught++;
        }
        System.out.println("seed=" + s + " " + v.outcome() + " doctored=" + v.doctoredRewritten() + " " + v.detail());
        continue;
      }
      if (v.outcome() == Outcome.PASS) continue;
      System.out.println("seed=" + s + " " + v.outcome() + " " + v.detail());
      if (shrink && shrinksLeft > 0 && v.outcome() != Outcome.INVALID) {
        shrinksLeft--;
        String small = new Shrinker(differential, v.signature(), 80).shrink(source);
        Path dir = Path.of("src", "test", "resources", "fuzz-regressions");
        Files.createDirectories(dir);
        Path file = dir.resolve(s + ".java");
        Files.writeString(file, Regressions.header(s, v) + small, StandardCharsets.UTF_8);
        System.out.println("  shrunk to " + small.lines().count() + " lines: " + file);
      }
    }
    System.err.printf("weft-fuzz: seconds analyse %.1f, rewrite %.1f, compile %.1f, run %.1f%n", differential.nanos[0] / 1e9,
        differential.nanos[1] / 1e9, differential.nanos[2] / 1e9, differential.nanos[3] / 1e9);
    int invalid = counts.getOrDefault(Outcome.INVALID, 0);
    if (invalid > 0) System.err.println("weft-fuzz: " + invalid + " generated programs were invalid (generator bug)");
    if (oracle) {
      System.out.printf("weft-fuzz-oracle programs=%d doctored=%d caught=%d rate=%.1f%%%n", count, doctoredPrograms, caught,
          doctoredPrograms == 0 ? 0.0 : 100.0 * caught / doctoredPrograms);
    }
    System.out.printf("weft-fuzz programs=%d regions=%d mismatches=%d crashes=%d noncompiling=%d timeouts=%d%n",
        count, regions, counts.getOrDefault(Outcome.MISMATCH, 0), counts.getOrDefault(Outcome.CRASH, 0),
        counts.getOrDefault(Outcome.NONCOMPILING, 0), counts.getOrDefault(Outcome.TIMEOUT, 0));
    System.exit(counts.getOrDefault(Outcome.PASS, 0) == count || oracle ? 0 : 1);
  }
}
