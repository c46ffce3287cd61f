package dev.weft.corpus;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a corpus program in-process ({@code javax.tools}) and runs its {@code main} in a fresh
 * class loader with {@code System.out} captured, so static state never leaks between runs.
 *
 * <p>Runs are serialised (one {@code System.out} per JVM). A program that calls
 * {@code System.exit} would end the test JVM: corpus programs must not.
 */
public final class ProgramRunner {

  private ProgramRunner() {}

  /** What one run printed, and what it threw (null when it completed normally). */
  public record RunResult(String stdout, Throwable thrown) {}

  /**
   * Compiles every {@code .java} file under {@code sourceDir} into {@code classesDir}, with
   * {@code extraClasspath} (e.g. the Weft runtime for rewritten programs) on the class path.
   *
   * @throws IllegalStateException with the compiler's messages when compilation fails
   */
  public static void compile(Path sourceDir, Path classesDir, List<Path> extraClasspath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(sourceDir)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
      Files.createDirectories(classesDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      ImmutableList.Builder<String> options = ImmutableList.builder();
      options.add("-d", classesDir.toString(), "-proc:none", "--release", "17", "-nowarn");
      if (!extraClasspath.isEmpty()) {
        options.add(
            "-classpath",
            extraClasspath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
      }
      boolean ok =
          javac
              .getTask(null, files, diagnostics, options.build(), null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      if (!ok) {
        String messages =
            diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        throw new IllegalStateException("compilation of " + sourceDir + " failed:\n" + messages);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code mainClass.main(args)} from {@code classPath} in a fresh loader, capturing stdout. */
  public static synchronized RunResult run(List<Path> classPath, String mainClass, List<String> args) {
    URL[] urls =
        classPath.stream()
            .map(
                p -> {
                  try {
                    return p.toUri().toURL();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toArray(URL[]::new);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    Throwable thrown = null;
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
      System.setOut(capture);
      try {
        main.invoke(null, (Object) args.toArray(new String[0]));
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      } finally {
        System.out.flush();
        System.setOut(saved);
      }
    } catch (ReflectiveOperationException | IOException | LinkageError e) {
      thrown = e;
    }
    return new RunResult(buffer.toString(StandardCharsets.UTF_8), thrown);
  }
}
