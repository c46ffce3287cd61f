package dev.weft.analyzer.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ClassLoaderTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.project.Project;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed sources of a project, with JavaParser's symbol solver attached: the JDK by
 * reflection, every source root, every classpath jar and class directory. Parsing uses language
 * level JAVA_21.
 *
 * <p>Not thread-safe: the symbol solver's caches are not, so a parallel analysis gives each worker
 * thread its own model (and so its own solver and caches).
 */
public final class SourceModel {

  /** One file's outcome: its unit, or the problem that kept it out. */
  public record Parsed(Path file, String relativePath, CompilationUnit unit, String text, FileProblem problem) {
    public boolean ok() {
      return unit != null;
    }
  }

  private final Project project;
  private final JavaParser parser;

  public SourceModel(Project project) {
    this.project = project;
    ParserConfiguration plain = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
    for (Path root : project.sourceRoots()) solver.add(new JavaParserTypeSolver(root, plain));
    List<URL> directories = new ArrayList<>();
    List<URL> all = new ArrayList<>();
    for (Path entry : project.classpath()) {
      try {
        all.add(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        // not a usable location: left out
      }
      if (entry.toString().endsWith(".jar")) {
        try {
          solver.add(new JarTypeSolver(entry));
        } catch (IOException | RuntimeException e) {
          // An unreadable jar only means more UnresolvedSymbol blockers; the run goes on.
        }
      } else if (Files.isDirectory(entry)) {
        try {
          directories.add(entry.toUri().toURL());
        } catch (MalformedURLException e) {
          // same: the classes of this directory stay unresolved
        }
      }
    }
    if (!directories.isEmpty()) {
      // JavaParser has no solver over a directory of class files; a class loader over it reads the
      // class files reflectively (loadClass does not run static initialisers). Its parent is the
      // platform loader, so weft's own classes never shadow the project's; it sees the jars too, so
      // that a class whose superclass lives in a jar still links.
      solver.add(new ClassLoaderTypeSolver(
          new URLClassLoader(all.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())));
    }
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
            .setSymbolResolver(new JavaSymbolSolver(solver));
    this.parser = new JavaParser(config);
  }

  public Parsed parse(Path file) {
    String rel = relative(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return new Parsed(file, rel, null, null, new FileProblem(rel, 0, "not UTF-8"));
    } catch (IOException e) {
      return new Parsed(file, rel, null, null, new FileProblem(rel, 0, "cannot read: " + e.getMessage()));
    }
    ParseResult<CompilationUnit> result;
    try {
      result = parser.parse(text);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return new Parsed(file, rel, null, text, new FileProblem(rel, 0, "parser failed: " + e));
    }
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
      int line = first == null ? 0
          : first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
      String message = first == null ? "does not parse" : "does not parse: " + first.getMessage().lines().findFirst().orElse("");
      return new Parsed(file, rel, null, text, new FileProblem(rel, line, message));
    }
    return new Parsed(file, rel, result.getResult().get(), text, null);
  }

  public String relative(Path file) {
    Path p = file.startsWith(project.root()) ? project.root().relativize(file) : file;
    return p.toString().replace('\\', '/');
  }
}
