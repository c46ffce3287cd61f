package dev.weft.transformer.output;

import dev.weft.transformer.RewriteResult.FileChange;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rewritten files so that a failure half-way leaves every file either old or new: all new
 * contents go to temporary files beside their targets first, and only when every one is written
 * are they moved over the targets, each move atomic. Files that do not change are never touched.
 * Each file is written in the charset it was read in, byte-order mark and line endings kept.
 */
public final class TreeWriter {

  private TreeWriter() {}

  /** Replaces the changed files under {@code root}. */
  public static void writeInPlace(Path root, List<FileChange> changes) throws IOException {
    Map<Path, byte[]> targets = new LinkedHashMap<>();
    for (FileChange c : changes) targets.put(root.resolve(c.path()), encode(c));
    replaceAll(targets);
  }

  /**
   * Copies the whole tree under {@code root} to {@code out} (which must not be inside it), with
   * the changed files in their new version.
   */
  public static void writeCopy(Path root, Path out, List<FileChange> changes) throws IOException {
    Path src = root.toAbsolutePath().normalize();
    Path dst = out.toAbsolutePath().normalize();
    if (dst.startsWith(src)) throw new IOException("the output directory " + out + " is inside the project " + root);
    Files.walkFileTree(src, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(dst.resolve(src.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, dst.resolve(src.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
    writeInPlace(dst, changes);
  }

  private static byte[] encode(FileChange c) {
    byte[] body = c.newText().getBytes(c.charset());
    if (!c.byteOrderMark()) return body;
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xef;
    out[1] = (byte) 0xbb;
    out[2] = (byte) 0xbf;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  private static void replaceAll(Map<Path, byte[]> targets) throws IOException {
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> e : targets.entrySet()) {
        Path target = e.getKey();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".weft-tmp");
        moves.add(new Path[] {tmp, target});
        Files.write(tmp, e.getValue());
        if (Files.exists(target) && Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
      }
      for (Path[] m : moves) {
        try {
          Files.move(m[0], m[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(m[0], m[1], StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      for (Path[] m : moves) Files.deleteIfExists(m[0]);
    }
  }
}
