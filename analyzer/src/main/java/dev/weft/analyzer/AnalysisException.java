package dev.weft.analyzer;

/**
 * The analysis could not run at all (missing directory, no Java files, unreadable classpath entry).
 * The message is for the user, complete and without a stack trace: the CLI prints it and exits
 * non-zero. Problems with single files are not exceptions: they go into the report.
 */
public final class AnalysisException extends Exception {

  public AnalysisException(String message) {
    super(message);
  }

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
