package dev.weft.analyzer.project;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.findings.FileProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a codebase's sources, classpath and bytecode.
 *
 * <p>Layouts: every {@code src/main/java} under the directory (Maven and Gradle, one or several
 * modules); failing that, the directory is a plain tree of sources, and each file's source root is
 * its path minus its package. Bytecode: a module's {@code target/classes} or
 * {@code build/classes/java/main} when it is newer than every source, otherwise the sources are
 * compiled in-process ({@link InProcessCompiler}). Test sources are not analysed.
 *
 * <p>A classpath entry (jar or directory) that holds a class file for every source file and is
 * not older than the newest source is taken as the project's own bytecode, and nothing is
 * compiled: {@code --classpath commons-math3-3.6.1.jar} next to the unzipped sources jar analyses
 * the released classes ({@link PrebuiltClasses}).
 */
public final class ProjectLoader {

  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of("target", "build", "out", ".git", ".gradle", ".idea", "node_modules", "test");
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private final AnalysisOptions options;

  public ProjectLoader(AnalysisOptions options) {
    this.options = options;
  }

  public LoadedProject load(Path directory) throws AnalysisException {
    Path root = directory.toAbsolutePath().normalize();
    if (!Files.exists(root)) throw new AnalysisException("no such directory: " + directory);
    if (!Files.isDirectory(root)) throw new AnalysisException("not a directory: " + directory);

    List<Path> moduleRoots = new ArrayList<>();
    List<Path> sourceRoots = new ArrayList<>();
    if (!options.sourceRoots().isEmpty()) {
      for (Path p : options.sourceRoots()) {
        Path r = root.resolve(p).normalize();
        if (!Files.isDirectory(r)) throw new AnalysisException("source root is not a directory: " + p);
        sourceRoots.add(r);
      }
    } else {
      for (Path main : findMavenSourceRoots(root)) {
        sourceRoots.add(main);
        moduleRoots.add(main.getParent().getParent().getParent());
      }
    }
    List<Path> javaFiles = new ArrayList<>();
    if (sourceRoots.isEmpty()) {
      // A plain tree: each file's root is its directory minus its package path.
      Set<Path> roots = new TreeSet<>();
      for (Path f : javaFilesUnder(root)) {
        javaFiles.add(f);
        roots.add(sourceRootOf(f));
      }
      sourceRoots.addAll(roots);
    } else {
      Set<Path> files = new TreeSet<>();
      for (Path r : sourceRoots) files.addAll(javaFilesUnder(r));
      javaFiles.addAll(files);
    }
    if (javaFiles.isEmpty()) throw new AnalysisException("no Java files under " + directory);

    List<Path> classpath = new ArrayList<>();
    for (Path p : options.classpath()) {
      Path c = root.resolve(p).normalize();
      if (!Files.exists(c)) throw new AnalysisException("classpath entry does not exist: " + p);
      classpath.add(c);
    }

    List<Path> classDirectories = freshClassDirectories(moduleRoots, javaFiles);
    List<FileProblem> problems = new ArrayList<>();
    Optional<Path> temporary = Optional.empty();
    if (classDirectories.isEmpty()) {
      Optional<PrebuiltClasses.Match> prebuilt = PrebuiltClasses.find(sourceRoots, javaFiles, classpath);
      if (prebuilt.isPresent()) {
        classDirectories.add(prebuilt.get().classes());
        temporary = prebuilt.get().temporary();
        // The entry is now the project's classes: the effect oracle must not see it twice.
        classpath.remove(prebuilt.get().entry());
      }
    }
    if (classDirectories.isEmpty()) {
      InProcessCompiler.Result compiled = InProcessCompiler.compile(root, javaFiles, classpath);
      problems.addAll(compiled.problems());
      temporary = Optional.of(compiled.output());
      classDirectories.add(compiled.output());
    }
    Project project =
        new Project(
            root,
            ImmutableList.copyOf(sourceRoots),
            ImmutableList.copyOf(javaFiles),
            ImmutableList.copyOf(classpath),
            ImmutableList.copyOf(classDirectories));
    return new LoadedProject(project, ImmutableList.copyOf(problems), temporary);
  }

  static List<Path> findMavenSourceRoots(Path root) throws AnalysisException {
    List<Path> found = new ArrayList<>();
    collectMavenRoots(root, 0, found);
    found.sort(null);
    return found;
  }

  private static void collectMavenRoots(Path dir, int depth, List<Path> found) throws AnalysisException {
    Path main = dir.resolve("src").resolve("main").resolve("java");
    if (Files.isDirectory(main)) found.add(main);
    if (depth >= 6) return;
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : (Iterable<Path>) children.sorted()::iterator) {
        String name = child.getFileName().toString();
        if (Files.isDirectory(child) && !SKIPPED_DIRECTORIES.contains(name) && !name.equals("src")
            && !name.startsWith(".")) {
          collectMavenRoots(child, depth + 1, found);
        }
      }
    } catch (IOException e) {
      throw new AnalysisException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> javaFilesUnder(Path dir) throws AnalysisException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java"))
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("module-info.java"))
          .filter(p -> !dir.relativize(p).toString().replace('\\', '/').matches("(.*/)?(target|build|\\.git)/.*"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new AnalysisException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The directory that holds the file's package tree; the file's own directory if they disagree. */
  static Path sourceRootOf(Path file) {
    Path dir = file.getParent();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return dir;
    }
    Matcher m = PACKAGE.matcher(text);
    if (!m.find()) return dir;
    String[] parts = m.group(1).split("\\.");
    Path r = dir;
    for (int i = parts.length - 1; i >= 0; i--) {
      if (r == null || r.getFileName() == null || !r.getFileName().toString().equals(parts[i])) return dir;
      r = r.getParent();
    }
    return r == null ? dir : r;
  }

  /** Class directories of the modules, if every module has one newer than all of its sources. */
  private static List<Path> freshClassDirectories(List<Path> moduleRoots, List<Path> javaFiles)
      throws AnalysisException {
    List<Path> dirs = new ArrayList<>();
    if (moduleRoots.isEmpty()) return dirs;
    for (Path module : moduleRoots) {
      Path classes = null;
      for (Path candidate :
          List.of(module.resolve("target/classes"), module.resolve("build/classes/java/main"))) {
        if (Files.isDirectory(candidate)) classes = candidate;
      }
      if (classes == null) return new ArrayList<>();
      long newestSource = 0;
      for (Path f : javaFiles) {
        if (f.startsWith(module)) newestSource = Math.max(newestSource, mtime(f));
      }
      if (oldestClass(classes) < newestSource) return new ArrayList<>();
      dirs.add(classes);
    }
    return dirs;
  }

  private static long oldestClass(Path classes) throws AnalysisException {
    try (Stream<Path> s = Files.walk(classes)) {
      return s.filter(p -> p.toString().endsWith(".class")).mapToLong(ProjectLoader::mtime).min().orElse(0);
    } catch (IOException e) {
      throw new AnalysisException("cannot list " + classes + ": " + e.getMessage(), e);
    }
  }

  private static long mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
