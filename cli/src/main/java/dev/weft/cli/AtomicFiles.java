package dev.weft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers only ever see the old content or the new, never half of it: write a
 * temporary file in the same directory (same file system, so the rename is atomic), then move it
 * over the target.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content} in UTF-8.
   *
   * @throws WeftSubcommand.UserError when the target's directory is missing or the target is a
   *     directory: the user chose the path
   * @throws IOException for anything else (disk full, permissions)
   */
  public static void write(Path target, String content)
      throws IOException, WeftSubcommand.UserError {
    Path file = target.toAbsolutePath().normalize();
    checkWritable(target);
    removeStaleTemporaryFiles(file);
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      keepPermissions(file, tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp); // gone already after a successful move
    }
  }

  /**
   * A process killed between creating its temporary file and the move leaves the temporary file
   * behind (never the target half-written); the next write of the same target removes it.
   */
  private static void removeStaleTemporaryFiles(Path file) throws IOException {
    String prefix = "." + file.getFileName() + ".";
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".tmp") && n.substring(prefix.length(), n.length() - 4).matches("[0-9]+");
    })) {
      for (Path stale : siblings) Files.deleteIfExists(stale);
    }
  }

  /** Fails early, before minutes of analysis, when {@code target} cannot be written. */
  public static void checkWritable(Path target) throws WeftSubcommand.UserError {
    Path file = target.toAbsolutePath().normalize();
    Path parent = file.getParent();
    if (parent == null || Files.isDirectory(file)) {
      throw new WeftSubcommand.UserError("cannot write to " + target + ": it is a directory");
    }
    if (!Files.isDirectory(parent)) {
      throw new WeftSubcommand.UserError(
          "cannot write to " + target + ": directory " + parent + " does not exist");
    }
  }

  /**
   * A temporary file is created owner-only (rw-------); give the result the permissions the old
   * file had, or the usual rw-r--r-- for a new one, so that the report is as readable as any file.
   */
  private static void keepPermissions(Path file, Path tmp) throws IOException {
    if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) == null) return;
    Files.setPosixFilePermissions(
        tmp,
        Files.exists(file)
            ? Files.getPosixFilePermissions(file)
            : PosixFilePermissions.fromString("rw-r--r--"));
  }
}
