package dev.weft.cli;

import com.google.common.collect.ImmutableList;
import dev.weft.transformer.RewriteResult.FileChange;
import dev.weft.transformer.output.TreeWriter;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weft rewrite --write}: the checks around {@link TreeWriter#writeInPlace} that keep the
 * user's tree whole. Before anything is written: temporary files a killed earlier run left behind
 * are removed; a file reached through a symbolic link is not written (neither through the link,
 * which may point outside the tree, nor by replacing the link with a file); and a read-only file
 * or directory stops the run before any file changes, with a message naming it. A read-only file
 * is the user's "do not touch": the rename that replaces a file would otherwise ignore it.
 */
final class InPlaceWrite {

  /** {@link TreeWriter}'s temporary files: {@code .Name.java.<random>.weft-tmp}, never {@code .java}. */
  static final String TEMPORARY_SUFFIX = ".weft-tmp";

  /** What will be written, and the files left as they are with the reason. */
  record Plan(ImmutableList<FileChange> writes, ImmutableList<String> notWritten) {}

  private InPlaceWrite() {}

  static Plan plan(Path root, List<FileChange> changes) throws WeftSubcommand.UserError {
    List<FileChange> writes = new ArrayList<>();
    List<String> notWritten = new ArrayList<>();
    for (FileChange c : changes) {
      Path target = root.resolve(c.path());
      if (throughLink(root, target)) {
        notWritten.add(c.path() + ": not written: a symbolic link (weft does not write through links or replace them)");
        continue;
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(target)) {
        throw new WeftSubcommand.UserError("cannot write " + target + ": the file is read-only; nothing was changed");
      }
      Path dir = target.getParent();
      if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
        throw new WeftSubcommand.UserError("cannot write in " + dir + ": the directory is read-only; nothing was changed");
      }
      writes.add(c);
    }
    return new Plan(ImmutableList.copyOf(writes), ImmutableList.copyOf(notWritten));
  }

  /** Whether {@code target} or a directory between {@code root} and it is a symbolic link. */
  private static boolean throughLink(Path root, Path target) {
    for (Path p = target; p != null && !p.equals(root) && p.startsWith(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) return true;
    }
    return false;
  }

  /** Removes the temporary files an interrupted earlier {@code --write} left under {@code root}. */
  static void removeStaleTemporaryFiles(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String name = file.getFileName().toString();
        if (attrs.isRegularFile() && name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX)) Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // an unreadable corner holds nothing of ours
      }
    });
  }

  /** The rewrite, or a message naming the file it could not write. */
  static void write(Path root, List<FileChange> writes) throws WeftSubcommand.UserError {
    try {
      removeStaleTemporaryFiles(root);
      TreeWriter.writeInPlace(root, writes);
    } catch (IOException e) {
      String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
      throw new WeftSubcommand.UserError("cannot write the rewrite: " + where + Failures.describeIo(e), e);
    }
  }
}
