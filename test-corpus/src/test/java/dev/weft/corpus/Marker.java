package dev.weft.corpus;

/**
 * One expectation written in a corpus program.
 *
 * @param file the source file, relative to the program directory, with {@code /}
 * @param line the line the finding must be reported on: the line right after the marker comment
 * @param verdict the expected verdict
 * @param note the free text after {@code --}, or empty
 */
public record Marker(String file, int line, Verdict verdict, String note) {

  public String where() {
    return file + ":" + line;
  }
}
