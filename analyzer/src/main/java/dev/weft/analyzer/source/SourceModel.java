package dev.weft.analyzer.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  /** The solver over each source root: it parses (and caches) the files it resolves types in. */
  private final Map<Path, JavaParserTypeSolver> sourceSolvers = new LinkedHashMap<>();

  public SourceModel(Project project) {
    this.project = project;
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
    // The source solvers parse with the same configuration as the analysis, symbol resolver
    // included, so that a unit they parsed can be analysed as it is (see parse).
    JavaSymbolSolver resolver = new JavaSymbolSolver(solver);
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
            // The analysis reads no comments; attributing them is a tenth of parsing.
            .setAttributeComments(false)
            .setSymbolResolver(resolver);
    // The solver's parser builds the same Java 21 tree (same grammar, same post-processing) but
    // skips the language-level validation, a third of parsing: it parses the project's files to
    // resolve names in them, and a file with errors is reported by the validating parser below.
    ParserConfiguration unvalidated =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
            .setAttributeComments(false)
            .setSymbolResolver(resolver);
    unvalidated.getProcessors().add(() -> new Processor() {
      @Override
      public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
        new Java21PostProcessor().postProcess(result, configuration);
      }
    });
    for (Path root : project.sourceRoots()) {
      JavaParserTypeSolver s = new JavaParserTypeSolver(root, unvalidated);
      sourceSolvers.put(root, s);
      solver.add(s);
    }
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
    Optional<CompilationUnit> cached = parsedBySolver(file);
    if (cached.isPresent()) return new Parsed(file, rel, cached.get(), text, null);
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
      String message = "does not parse";
      if (first != null) {
        // JavaParser lists every token it would have accepted (some 50 after a stray "{"): keep the
        // first few so the problem stays one short line; "Parse error." says nothing the prefix does not.
        String said = first.getMessage().lines().findFirst().orElse("").replaceFirst("^Parse error\\.\\s*", "");
        int list = said.indexOf("expected one of ");
        if (list >= 0) {
          String[] tokens = said.substring(list + "expected one of ".length()).strip().split("\\s+");
          said = said.substring(0, list) + "expected one of " + String.join(" ", List.of(tokens).subList(0, Math.min(5, tokens.length)))
              + (tokens.length > 5 ? " ..." : "");
        }
        message += said.isEmpty() ? "" : ": " + said;
      }
      return new Parsed(file, rel, null, text, new FileProblem(rel, line, message));
    }
    return new Parsed(file, rel, result.getResult().get(), text, null);
  }

  /**
   * The unit the symbol solver already parsed for this file, or parses now and keeps: resolving
   * the other files' types parses most of the project anyway, and parsing every file a second time
   * for the analysis was, with the solver's own parsing, 40% of the time on Commons Math. Found
   * through the file's top-level type of the same name; empty (parse it here) otherwise. Limit: a
   * file that parses but breaks a language-level rule (which javac would reject) is analysed
   * rather than reported.
   */
  private Optional<CompilationUnit> parsedBySolver(Path file) {
    try {
      for (Map.Entry<Path, JavaParserTypeSolver> e : sourceSolvers.entrySet()) {
        if (!file.startsWith(e.getKey())) continue;
        String rel = e.getKey().relativize(file).toString().replace('\\', '/');
        if (!rel.endsWith(".java")) return Optional.empty();
        String type = rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
        SymbolReference<ResolvedReferenceTypeDeclaration> ref = e.getValue().tryToSolveType(type);
        if (!ref.isSolved()) continue;
        Optional<CompilationUnit> unit = ref.getCorrespondingDeclaration().toAst().flatMap(Node::findCompilationUnit);
        if (unit.isEmpty() || !unit.get().getStorage().map(st -> st.getPath().equals(file)).orElse(false)) continue;
        // The solver keeps what the parser recovered from a syntax error too; such a file is
        // parsed here instead, so that it is reported.
        if (unit.get().findFirst(Node.class, n -> n.getParsed() == Node.Parsedness.UNPARSABLE).isPresent()) return Optional.empty();
        return unit;
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // fall back to parsing the file here, which reports what is wrong with it
    }
    return Optional.empty();
  }

  public String relative(Path file) {
    Path p = file.startsWith(project.root()) ? project.root().relativize(file) : file;
    return p.toString().replace('\\', '/');
  }
}
