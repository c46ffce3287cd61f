package dev.weft.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The checks on a command's input paths that need no analysis, so that a typo gets a one-line
 * message naming the path right away. The analyzer checks again (it is used without the CLI).
 */
final class InputCheck {

  private InputCheck() {}

  static void directory(Path dir, String what) throws WeftSubcommand.UserError {
    if (!Files.exists(dir)) {
      throw new WeftSubcommand.UserError("no such directory: " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new WeftSubcommand.UserError(
          "not a directory: " + dir + " (" + what + " must be a directory)");
    }
    if (!Files.isReadable(dir)) {
      throw new WeftSubcommand.UserError("cannot read directory: " + dir);
    }
  }

  /**
   * At least one {@code .java} file under one of {@code roots}; unreadable subtrees are skipped.
   */
  static void hasJavaFiles(List<Path> roots) throws WeftSubcommand.UserError {
    for (Path root : roots) {
      if (containsJavaFile(root)) return;
    }
    throw new WeftSubcommand.UserError(
        "no Java files under "
            + String.join(", ", roots.stream().map(Path::toString).toList())
            + " (give the root of a project or of its sources, or use --source-root)");
  }

  private static boolean containsJavaFile(Path root) {
    boolean[] found = {false};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                found[0] = true;
                return FileVisitResult.TERMINATE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // an unreadable root counts as empty; the analyzer reports it in detail
    }
    return found[0];
  }
}
