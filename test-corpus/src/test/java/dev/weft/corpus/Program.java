package dev.weft.corpus;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code programs/programs.txt}: {@code <dir> <MainClass> [default args…] [demo=a,b…]}.
 * Blank lines and lines starting with {@code #} are ignored.
 *
 * @param dir the program directory under {@code programs/}
 * @param mainClass the class with {@code main}, in the default package
 * @param args what tests pass (the program must run in well under a second with them)
 * @param demoArgs the size that makes the sequential run take a few seconds; empty for non-demo
 *     programs
 */
public record Program(
    String dir, String mainClass, ImmutableList<String> args, ImmutableList<String> demoArgs) {

  public boolean isDemo() {
    return !demoArgs.isEmpty();
  }

  /** Parses a manifest. */
  public static ImmutableList<Program> parseManifest(List<String> lines) {
    ImmutableList.Builder<Program> out = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] t = line.split("\\s+");
      if (t.length < 2) {
        throw new IllegalArgumentException("programs.txt:" + (i + 1) + ": need <dir> <MainClass>");
      }
      List<String> args = new ArrayList<>();
      ImmutableList<String> demo = ImmutableList.of();
      for (int k = 2; k < t.length; k++) {
        if (t[k].startsWith("demo=")) {
          demo = ImmutableList.copyOf(t[k].substring("demo=".length()).split(","));
        } else {
          args.add(t[k]);
        }
      }
      out.add(new Program(t[0], t[1], ImmutableList.copyOf(args), demo));
    }
    return out.build();
  }

  /** Reads {@code programsDir/programs.txt}. */
  public static ImmutableList<Program> load(Path programsDir) {
    try {
      return parseManifest(
          Files.readAllLines(programsDir.resolve("programs.txt"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
