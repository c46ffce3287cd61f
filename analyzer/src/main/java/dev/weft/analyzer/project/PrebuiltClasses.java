package dev.weft.analyzer.project;

import dev.weft.analyzer.AnalysisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Recognises a classpath entry that is the project's own bytecode, so that a user who passes the
 * project's jar (or class directory) with its sources gets an analysis of those classes and no
 * recompilation.
 *
 * <p>An entry matches when it holds {@code pkg/Name.class} for every source file {@code
 * pkg/Name.java} (package-info files aside) and is not older than the newest source: a stale jar
 * would give effect summaries of other code, so the sources are compiled instead. A matching jar
 * is extracted to a temporary directory, because the effect oracle reads the project's classes
 * from directories; extraction costs a fraction of a second even for a library of thousands of
 * classes, against the tens of seconds of compiling it.
 */
final class PrebuiltClasses {

  /**
   * @param entry the classpath entry that matched
   * @param classes the directory holding its classes (the entry itself, or its extraction)
   * @param temporary the extraction directory, which the caller deletes after the analysis
   */
  record Match(Path entry, Path classes, Optional<Path> temporary) {}

  private PrebuiltClasses() {}

  static Optional<Match> find(List<Path> sourceRoots, List<Path> javaFiles, List<Path> classpath) throws AnalysisException {
    Set<String> expected = new HashSet<>();
    long newestSource = 0;
    for (Path f : javaFiles) {
      String name = f.getFileName().toString();
      if (name.equals("package-info.java")) continue;
      Path root = rootOf(f, sourceRoots);
      if (root == null) return Optional.empty();
      String rel = root.relativize(f).toString().replace('\\', '/');
      expected.add(rel.substring(0, rel.length() - ".java".length()) + ".class");
      newestSource = Math.max(newestSource, mtime(f));
    }
    if (expected.isEmpty()) return Optional.empty();
    for (Path entry : classpath) {
      if (mtime(entry) < newestSource && !Files.isDirectory(entry)) continue;
      if (Files.isDirectory(entry)) {
        if (directoryMatches(entry, expected, newestSource)) return Optional.of(new Match(entry, entry, Optional.empty()));
      } else if (entry.getFileName().toString().endsWith(".jar") && jarHolds(entry, expected)) {
        Path out = extract(entry);
        return Optional.of(new Match(entry, out, Optional.of(out)));
      }
    }
    return Optional.empty();
  }

  private static Path rootOf(Path file, List<Path> roots) {
    Path best = null;
    for (Path r : roots) {
      if (file.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) best = r;
    }
    return best;
  }

  private static boolean directoryMatches(Path dir, Set<String> expected, long newestSource) {
    for (String c : expected) {
      Path p = dir.resolve(c);
      if (!Files.isRegularFile(p) || mtime(p) < newestSource) return false;
    }
    return true;
  }

  private static boolean jarHolds(Path jar, Set<String> expected) {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      for (String c : expected) {
        if (z.getEntry(c) == null) return false;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path extract(Path jar) throws AnalysisException {
    Path out;
    try {
      out = Files.createTempDirectory("weft-classes");
    } catch (IOException e) {
      throw new AnalysisException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    try (ZipFile z = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().endsWith(".class")) continue;
        Path target = out.resolve(e.getName()).normalize();
        if (!target.startsWith(out)) continue; // an entry named ../x must not escape the directory
        Files.createDirectories(target.getParent());
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new AnalysisException("cannot read the classes of " + jar + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static long mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
