package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * How a command that cannot run tells the user: one line on stderr, prefixed {@code weft: }, and
 * never a stack trace unless {@code --debug} asked for one. Bad input is the user's to fix, so its
 * message must say what to change; anything else is a bug in weft and says so.
 */
public final class Failures {

  static final String DEBUG_HINT = "weft: run with --debug for the stack trace";

  private Failures() {}

  /** A failure with a message written for the user (AnalysisException, unwritable output). */
  public static int userError(PrintWriter err, String message) {
    err.println("weft: " + message);
    err.flush();
    return ExitCodes.FAILED;
  }

  /** Anything the command did not expect: a short description, or the stack trace with --debug. */
  public static int unexpected(PrintWriter err, Throwable t, boolean debug) {
    err.println("weft: " + describe(t));
    if (debug) {
      t.printStackTrace(err);
    } else {
      err.println(DEBUG_HINT);
    }
    err.flush();
    return ExitCodes.FAILED;
  }

  static String describe(Throwable t) {
    if (t instanceof OutOfMemoryError) {
      return "ran out of memory; give the JVM more heap, e.g. WEFT_OPTS=-Xmx4g";
    }
    if (t instanceof StackOverflowError) {
      return "ran out of stack (deeply nested code?); try WEFT_OPTS=-Xss16m";
    }
    String message = t.getMessage() == null ? "" : ": " + firstLine(t.getMessage());
    return "internal error (a bug in weft): " + t.getClass().getSimpleName() + message;
  }

  /**
   * An I/O failure in words: NIO's exceptions often carry only the path as their message ({@code
   * AccessDeniedException: /x/report.json}), which says nothing about what went wrong.
   */
  public static String describeIo(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file or directory";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
