package dev.weft.cli.measure;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Progress on stderr while a measurement runs, so that stdout carries only the result. On a
 * terminal each message replaces the previous one on the same line; otherwise (a pipe, a CI log,
 * a test) each is a line of its own.
 */
public final class Progress {

  private final PrintWriter err;
  private final boolean sameLine;
  private int shown; // length of the message on the current line (same-line mode)

  public Progress(PrintWriter err, boolean sameLine) {
    this.err = err;
    this.sameLine = sameLine;
  }

  /** Where messages go, each after {@code prefix} (e.g. "[3/9 matmul] "). */
  public Consumer<String> prefixed(String prefix) {
    return message -> show(prefix + message);
  }

  public synchronized void show(String message) {
    if (sameLine) {
      err.print("\r" + message + " ".repeat(Math.max(0, shown - message.length())));
      shown = message.length();
    } else {
      err.println(message);
    }
    err.flush();
  }

  /** Clears the progress line before the result is printed (same-line mode). */
  public synchronized void done() {
    if (sameLine && shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      shown = 0;
      err.flush();
    }
  }
}
