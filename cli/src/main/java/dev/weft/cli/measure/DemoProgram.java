package dev.weft.cli.measure;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of the corpus manifest {@code test-corpus/programs/programs.txt}: {@code <dir>
 * <MainClass> [default args…] [demo=<arg>,<arg>…]}. Blank lines and {@code #} comments are
 * skipped. The test-corpus module reads the same file with its own (test-scope) parser; this one is
 * what {@code weft demo} ships with.
 *
 * @param dir the program's directory, relative to the manifest's directory
 * @param mainClass the class with {@code main}
 * @param args the arguments tests use (small inputs)
 * @param demoArgs the arguments that make the sequential run take a few seconds; empty when the
 *     program is not a demo kernel
 */
public record DemoProgram(
    String dir, String mainClass, ImmutableList<String> args, ImmutableList<String> demoArgs) {

  public static final String MANIFEST = "test-corpus/programs/programs.txt";

  public boolean isDemo() {
    return !demoArgs.isEmpty();
  }

  /**
   * Parses the manifest's lines.
   *
   * @throws IllegalArgumentException naming the line of a malformed entry
   */
  public static ImmutableList<DemoProgram> parse(List<String> lines) {
    ImmutableList.Builder<DemoProgram> out = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] t = line.split("\\s+");
      if (t.length < 2) {
        throw new IllegalArgumentException(
            "programs.txt:" + (i + 1) + ": expected <dir> <MainClass>, got: " + line);
      }
      List<String> args = new ArrayList<>();
      ImmutableList<String> demo = ImmutableList.of();
      for (int k = 2; k < t.length; k++) {
        if (t[k].startsWith("demo=")) {
          String sizes = t[k].substring("demo=".length());
          if (sizes.isEmpty()) {
            throw new IllegalArgumentException("programs.txt:" + (i + 1) + ": empty demo=");
          }
          demo = ImmutableList.copyOf(sizes.split(","));
        } else {
          args.add(t[k]);
        }
      }
      out.add(new DemoProgram(t[0], t[1], ImmutableList.copyOf(args), demo));
    }
    return out.build();
  }

  /** Reads and parses a manifest file. */
  public static ImmutableList<DemoProgram> read(Path manifest) throws IOException {
    return parse(Files.readAllLines(manifest, StandardCharsets.UTF_8));
  }

  /**
   * Where the bundled manifest is: under {@code weftHome} (the launcher passes the repository root
   * as {@code -Dweft.home}) when given, else in {@code start} or the nearest directory above it
   * that has one.
   */
  public static Optional<Path> locateManifest(String weftHome, Path start) {
    if (weftHome != null && !weftHome.isBlank()) {
      Path p = Path.of(weftHome).resolve(MANIFEST);
      if (Files.isRegularFile(p)) return Optional.of(p.toAbsolutePath().normalize());
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(MANIFEST);
      if (Files.isRegularFile(p)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
