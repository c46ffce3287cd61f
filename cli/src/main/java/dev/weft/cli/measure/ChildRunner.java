package dev.weft.cli.measure;

import com.google.common.collect.ImmutableList;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a program in a fresh JVM through {@link TimedMain}, with stdout and stderr going to files
 * (no pipe to drain, nothing lost), and measures its wall time from here and its CPU time from
 * inside. Both versions of a program get exactly the same JVM, flags and wrapper, so whatever these
 * add (JVM start, the reflective call) is the same on both sides.
 */
final class ChildRunner {

  private static final String STDERR_SHOWN = "the last lines it printed to stderr:";

  private final Path java;
  private final Path launcherDir;
  private final Path scratch;
  private final ImmutableList<String> jvmFlags;

  /**
   * @param scratch a private directory for the run's output files
   * @param jvmFlags options for every child JVM (e.g. {@code -Dweft.parallelism=2})
   */
  ChildRunner(Path scratch, List<String> jvmFlags) throws IOException {
    this.java = Path.of(System.getProperty("java.home"), "bin", "java");
    this.scratch = scratch;
    this.jvmFlags = ImmutableList.copyOf(jvmFlags);
    this.launcherDir = scratch.resolve("launcher");
    installLauncher(launcherDir);
  }

  /** Copies {@link TimedMain}'s class file, alone, into {@code dir} (its package directories). */
  private static void installLauncher(Path dir) throws IOException {
    String resource = TimedMain.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = TimedMain.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IOException("cannot find " + resource + " on weft's class path");
      Files.copy(in, target);
    }
  }

  RunSample run(List<Path> classpath, String mainClass, List<String> args)
      throws IOException, InterruptedException {
    Path out = scratch.resolve("stdout");
    Path err = scratch.resolve("stderr");
    Path cpu = scratch.resolve("cpu");
    Files.deleteIfExists(cpu);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags);
    command.add("-D" + TimedMain.CPU_FILE_PROPERTY + "=" + cpu);
    command.add("-cp");
    List<Path> cp = new ArrayList<>();
    cp.add(launcherDir);
    cp.addAll(classpath);
    command.add(cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(TimedMain.class.getName());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(devNull()));
    long start = System.nanoTime();
    Process p = pb.start();
    int exit;
    try {
      exit = p.waitFor();
    } finally {
      if (p.isAlive()) p.destroyForcibly(); // interrupted: do not leave the child running
    }
    long wall = System.nanoTime() - start;
    long cpuNanos = -1;
    if (Files.isRegularFile(cpu)) {
      try {
        cpuNanos = Long.parseLong(Files.readString(cpu, StandardCharsets.US_ASCII).trim());
      } catch (NumberFormatException e) {
        // a half-written file (the JVM was killed while writing): no CPU time for this run
      }
    }
    return new RunSample(Files.readAllBytes(out), exit, wall, cpuNanos, tail(err));
  }

  /** Stdin for the child: an empty file, so a program reading it sees end of input, as under CI. */
  private File devNull() throws IOException {
    Path empty = scratch.resolve("stdin");
    if (!Files.exists(empty)) Files.createFile(empty);
    return empty.toFile();
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
  }

  static String describeStderr(RunSample run) {
    return run.stderr().isEmpty() ? "" : "\n" + STDERR_SHOWN + "\n" + run.stderr().indent(2).stripTrailing();
  }
}
