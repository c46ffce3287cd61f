package dev.weft.fuzz;

import dev.weft.fuzz.Differential.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shrunk failing programs kept in {@code src/test/resources/fuzz-regressions/<seed>.java}.
 * Each starts with one header comment:
 * {@code // weft-fuzz seed=<seed> status=open|fixed <outcome>: <detail>}. An {@code open} case is a
 * bug not fixed yet: the CI test runs it and reports it as skipped with its current verdict; a
 * {@code fixed} one must pass. Flip the status when the bug is fixed.
 */
public final class Regressions {

  /** Where the cases live, relative to the test-corpus module. */
  public static final Path DIR = Path.of("src", "test", "resources", "fuzz-regressions");

  private Regressions() {}

  public record Case(String name, boolean open, String header, String source) {}

  static String header(long seed, Verdict v) {
    return "// weft-fuzz seed=" + seed + " status=open " + v.outcome() + ": " + Differential.oneLine(v.detail()) + "\n";
  }

  public static List<Case> load(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().map(Regressions::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String first = text.lines().findFirst().orElse("");
      return new Case(file.getFileName().toString(), first.contains("status=open"), first, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
