package dev.weft.cli;

/**
 * What {@code weft} returns, for scripts and CI. Listed in every command's help footer; keep the
 * two in step ({@link WeftCommand}, {@link AnalyzeCommand}).
 */
public final class ExitCodes {

  /** The command ran. For {@code analyze}: whatever it found, rejections included. */
  public static final int OK = 0;

  /**
   * The command could not run: bad input (a missing directory, no Java files), or a bug in weft.
   */
  public static final int FAILED = 1;

  /** The command line itself is wrong (picocli's usage error code). */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
