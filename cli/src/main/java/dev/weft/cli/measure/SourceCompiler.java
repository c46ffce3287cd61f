package dev.weft.cli.measure;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a program's sources in-process (javax.tools), for running it. Which files: every
 * {@code .java} file under the directory except tests and build output ({@code src/test},
 * {@code target}, {@code build}, hidden directories), since measuring runs a {@code main}, not the
 * tests, and tests would need their own libraries.
 */
final class SourceCompiler {

  private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", "out");

  private SourceCompiler() {}

  /** The program's source files under {@code root}, relative to it, sorted. */
  static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(SourceCompiler::isProgramSource)
          .sorted()
          .toList();
    }
  }

  private static boolean isProgramSource(Path relative) {
    String unix = relative.toString().replace(File.separatorChar, '/');
    if (unix.contains("src/test/")) return false;
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String dir = relative.getName(i).toString();
      if (SKIPPED_DIRS.contains(dir) || dir.startsWith(".")) return false;
    }
    return true;
  }

  /**
   * Compiles {@code files} (relative to {@code root}) into {@code classes}.
   *
   * @throws MeasureException with the first compiler errors when it does not compile
   */
  static void compile(Path root, List<Path> files, Path classes, List<Path> classpath, String what)
      throws MeasureException, IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new MeasureException("no Java compiler in this runtime: run weft on a JDK, not a JRE");
    }
    Files.createDirectories(classes);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(
          List.of("-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8", "-d", classes.toString()));
      if (!classpath.isEmpty()) {
        options.add("-cp");
        options.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      }
      Iterable<? extends JavaFileObject> units =
          fm.getJavaFileObjectsFromPaths(files.stream().map(root::resolve).toList());
      boolean ok = javac.getTask(new StringWriter(), fm, diagnostics, options, null, units).call();
      if (!ok) {
        String errors = diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .limit(3)
            .map(d -> (d.getSource() == null ? "" : root.relativize(Path.of(d.getSource().toUri())) + ":"
                + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n  "));
        throw new MeasureException("the " + what + " sources do not compile:\n  " + errors);
      }
    }
  }
}
