package dev.weft.analyzer.project;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.findings.FileProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a project's sources with {@code javax.tools} into a temporary directory when it has no
 * fresh bytecode. Files with errors are reported and left out, and the rest compiled again, so one
 * broken file does not cost the effect analysis of the whole project.
 */
final class InProcessCompiler {

  record Result(Path output, ImmutableList<FileProblem> problems) {}

  private static final int MAX_ROUNDS = 3;

  private InProcessCompiler() {}

  static Result compile(Path root, List<Path> javaFiles, List<Path> classpath) throws AnalysisException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out;
    try {
      out = Files.createTempDirectory("weft-classes");
    } catch (IOException e) {
      throw new AnalysisException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    if (javac == null) {
      // A JRE without the compiler: the analysis still runs, effects then come from the JDK model only.
      return new Result(out, ImmutableList.of(new FileProblem(".", 0, "no Java compiler available: sources not compiled")));
    }
    List<FileProblem> problems = new ArrayList<>();
    Set<Path> remaining = new LinkedHashSet<>(javaFiles);
    for (int round = 0; round < MAX_ROUNDS && !remaining.isEmpty(); round++) {
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      Set<Path> failed = new LinkedHashSet<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn", "-g", "-encoding", "UTF-8"));
        if (!classpath.isEmpty()) {
          args.add("-classpath");
          args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        Boolean ok =
            javac.getTask(new StringWriter(), fm, diagnostics, args, null, withoutByteOrderMarks(fm.getJavaFileObjectsFromPaths(remaining)))
                .call();
        if (ok) break;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) continue;
          Path file = Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
          if (round == 0 || !failed.contains(file)) {
            problems.add(new FileProblem(relative(root, file), (int) Math.max(0, d.getLineNumber()),
                "does not compile: " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
          }
          failed.add(file);
        }
      } catch (IOException | RuntimeException e) {
        problems.add(new FileProblem(".", 0, "compiler failed: " + e));
        break;
      }
      if (failed.isEmpty()) break;
      remaining.removeAll(failed);
    }
    return new Result(out, ImmutableList.copyOf(problems));
  }

  /** javac rejects a leading U+FEFF ("illegal character"); JavaParser and editors accept it. */
  private static List<JavaFileObject> withoutByteOrderMarks(Iterable<? extends JavaFileObject> files) {
    List<JavaFileObject> out = new ArrayList<>();
    for (JavaFileObject f : files) {
      out.add(new javax.tools.ForwardingJavaFileObject<JavaFileObject>(f) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
          CharSequence c = super.getCharContent(ignoreEncodingErrors);
          return c.length() > 0 && c.charAt(0) == '\uFEFF' ? c.subSequence(1, c.length()) : c;
        }
      });
    }
    return out;
  }

  static String relative(Path root, Path file) {
    Path p = file.startsWith(root) ? root.relativize(file) : file;
    return p.toString().replace('\\', '/');
  }
}
