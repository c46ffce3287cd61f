package dev.weft.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a test's probe class in a fresh JVM, on this module's classes. */
final class ChildJvm {
  private ChildJvm() {}

  static List<String> command(Class<?> main, String... jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions));
    cmd.add("-cp");
    cmd.add(Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath());
    cmd.add(main.getName());
    return cmd;
  }
}
