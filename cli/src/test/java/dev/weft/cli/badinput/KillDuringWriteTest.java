package dev.weft.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code weft rewrite --write} (a child JVM) at random moments and checks the promise of
 * {@code TreeWriter}: every file is byte-identical to its old or its new version, nothing else
 * appears but temporary files that are not {@code .java} files, and the next run removes those and
 * finishes the job.
 *
 * <p>Two kills in five come at a random moment of the run, three the moment the first temporary
 * file appears (plus up to 1 ms), since the write itself is a millisecond of a run of seconds.
 * Each kill costs about one run (3 s), so CI makes 10; {@code -Dweft.kills=N} sets the number for a
 * longer manual campaign, {@code -Dweft.killSeed=S} the seed.
 */
class KillDuringWriteTest {

  private static final Path CORPUS = Path.of("..", "test-corpus", "programs");
  private static final List<String> PROGRAMS =
      List.of("saxpy/Saxpy.java", "histogram/Histogram.java", "dotproduct/DotProduct.java", "elementwise/ElementWise.java");

  @TempDir Path tmp;

  @Test
  void everyFileIsOldOrNewAfterAKill() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS), "the corpus is at " + CORPUS.toAbsolutePath());
    int kills = Integer.getInteger("weft.kills", 10);
    long seed = Long.getLong("weft.killSeed", 20261127L);
    Random random = new Random(seed);

    Path pristine = tmp.resolve("pristine");
    for (String p : PROGRAMS) {
      Files.createDirectories(pristine.resolve(p).getParent());
      Files.copy(CORPUS.resolve(p), pristine.resolve(p));
    }
    Map<String, byte[]> oldFiles = files(pristine);

    // The uninterrupted run gives the new version of each file, and the run's length.
    Path reference = copy(pristine, tmp.resolve("reference"));
    long start = System.nanoTime();
    Process full = weft(reference).start();
    assertTrue(full.waitFor(60, TimeUnit.SECONDS), "an uninterrupted run finishes");
    long runNanos = System.nanoTime() - start;
    assertEquals(0, full.exitValue());
    Map<String, byte[]> newFiles = files(reference);
    assertEquals(oldFiles.keySet(), newFiles.keySet(), "a clean run leaves no temporary files");
    long changed = oldFiles.keySet().stream().filter(k -> !java.util.Arrays.equals(oldFiles.get(k), newFiles.get(k))).count();
    assertTrue(changed >= 3, "several files change: " + changed);

    int mixed = 0;
    int withTemporaries = 0;
    Path leftover = null;
    for (int i = 0; i < kills; i++) {
      Path tree = copy(pristine, tmp.resolve("kill" + i));
      Process p = weft(tree).start();
      if (i % 5 < 2) {
        waitUntil(p, System.nanoTime() + (long) (random.nextDouble() * runNanos));
      } else {
        while (p.isAlive() && !hasTemporaryFile(tree)) Thread.onSpinWait();
        waitUntil(p, System.nanoTime() + random.nextInt(1_000_000));
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));

      String where = "kill " + i + " (seed " + seed + ")";
      Map<String, byte[]> now = files(tree);
      int news = 0;
      for (Map.Entry<String, byte[]> e : oldFiles.entrySet()) {
        byte[] b = now.remove(e.getKey());
        assertTrue(b != null, where + ": " + e.getKey() + " still exists");
        boolean isOld = java.util.Arrays.equals(b, e.getValue());
        boolean isNew = java.util.Arrays.equals(b, newFiles.get(e.getKey()));
        assertTrue(isOld || isNew, where + ": " + e.getKey() + " is neither the old nor the new version");
        if (isNew && !isOld) news++;
      }
      if (news > 0 && news < changed) mixed++;
      for (String extra : now.keySet()) {
        String name = Path.of(extra).getFileName().toString();
        assertFalse(name.endsWith(".java"), where + ": a new .java file " + extra);
        assertTrue(name.startsWith(".") && name.endsWith(".weft-tmp"), where + ": only temporary files appear: " + extra);
      }
      if (!now.isEmpty()) {
        withTemporaries++;
        leftover = tree;
      }
    }
    System.out.printf("weft kill-during-write: kills=%d seed=%d run=%dms mixed-trees=%d with-temporaries=%d%n",
        kills, seed, runNanos / 1_000_000, mixed, withTemporaries);

    // The next run on a tree a kill left behind removes the temporary files and finishes the job.
    if (leftover != null) {
      Process next = weft(leftover).start();
      assertTrue(next.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, next.exitValue());
      Map<String, byte[]> done = files(leftover);
      assertEquals(newFiles.keySet(), done.keySet(), "temporary files removed by the next run");
      for (String k : newFiles.keySet()) assertArrayEquals(newFiles.get(k), done.get(k), k);
    }
  }

  private static void waitUntil(Process p, long deadline) {
    while (p.isAlive() && System.nanoTime() < deadline) Thread.onSpinWait();
  }

  /** {@code java -cp <this test's classpath> dev.weft.cli.Main rewrite DIR --write}. */
  private static ProcessBuilder weft(Path dir) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        "dev.weft.cli.Main", "rewrite", dir.toString(), "--write", "--min-work", "0")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
  }

  private static boolean hasTemporaryFile(Path tree) {
    try (Stream<Path> s = Files.walk(tree)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".weft-tmp"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false; // a file vanished while listing: look again
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path d = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(d);
        else Files.copy(p, d);
      }
    }
    return to;
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(all::add);
    }
    for (Path p : all) m.put(root.relativize(p).toString(), Files.readAllBytes(p));
    return m;
  }
}
