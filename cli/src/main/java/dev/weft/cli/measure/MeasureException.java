package dev.weft.cli.measure;

/**
 * The measurement could not be made (the analysis failed, the sources do not compile, the main
 * class is missing, …); the message is written for the user.
 */
public final class MeasureException extends Exception {

  public MeasureException(String message) {
    super(message);
  }

  public MeasureException(String message, Throwable cause) {
    super(message, cause);
  }
}
