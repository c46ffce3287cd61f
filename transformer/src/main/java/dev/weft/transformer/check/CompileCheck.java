package dev.weft.transformer.check;

import dev.weft.runtime.Weft;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in-process (javax.tools) against the runtime and the project's classpath, with
 * the project's source roots on the source path so the files given can reference the rest of the
 * tree. Nothing is written but into a temporary directory that is deleted afterwards.
 *
 * <p>A rewrite that does not compile is a transformer bug: the {@code Rewriter} reports it and never
 * writes it. When even the original file does not compile here (a dependency missing from the
 * classpath), its rewrite cannot be verified and is not written either.
 */
public final class CompileCheck {

  private final List<Path> sourceRoots;
  private final List<Path> classpath;

  public CompileCheck(List<Path> sourceRoots, List<Path> classpath) {
    this.sourceRoots = sourceRoots;
    this.classpath = classpath;
  }

  /** Where the runtime's classes are: a jar, or {@code runtime/target/classes} in a build. */
  public static Path runtimeLocation() {
    try {
      return Path.of(Weft.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the Weft runtime classes", e);
    }
  }

  /**
   * Compiles {@code files} (relative path → text) together; returns, per file with errors, the
   * first error message (line and text). Errors in other files are reported under their path.
   */
  public Map<String, String> errors(Map<String, String> files) {
    return compile(files, null);
  }

  /** As {@link #errors}, writing class files into {@code outputDir} (for running the program). */
  public Map<String, String> compile(Map<String, String> files, Path outputDir) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) throw new IllegalStateException("no Java compiler in this runtime: run Weft on a JDK, not a JRE");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = outputDir;
    boolean temporary = out == null;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      if (temporary) out = Files.createTempDirectory("weft-compile-check");
      List<JavaFileObject> units = new ArrayList<>();
      files.forEach((path, text) -> units.add(new Source(path, text)));
      List<String> cp = new ArrayList<>();
      cp.add(runtimeLocation().toString());
      classpath.forEach(p -> cp.add(p.toString()));
      List<String> args = new ArrayList<>(List.of(
          "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8",
          "-d", out.toString(), "-cp", String.join(File.pathSeparator, cp)));
      if (!sourceRoots.isEmpty()) {
        args.add("-sourcepath");
        args.add(String.join(File.pathSeparator, sourceRoots.stream().map(Path::toString).toList()));
      }
      if (temporary) args.add("-implicit:none");
      StringWriter log = new StringWriter();
      javac.getTask(log, fm, diagnostics, args, null, units).call();
      Map<String, String> errors = new LinkedHashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) continue;
        String where = d.getSource() instanceof Source s ? s.path : d.getSource() == null ? "(compiler)" : d.getSource().getName();
        errors.putIfAbsent(where, "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
      return errors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary && out != null) deleteTree(out);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }

  /** An in-memory compilation unit; the URI keeps the file name so public-class checks work. */
  private static final class Source extends SimpleJavaFileObject {
    final String path;
    final String text;

    Source(String path, String text) {
      super(uri(path), Kind.SOURCE);
      this.path = path;
      this.text = text;
    }

    private static URI uri(String path) {
      try {
        return new URI("string", null, "/" + path, null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(path, e);
      }
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
