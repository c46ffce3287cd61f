package dev.weft.transformer.source;

/** Moving original code to a deeper nesting level without touching anything but leading blanks. */
public final class Indent {

  private Indent() {}

  /**
   * Re-indents {@code snippet} (which starts at a node, so its first line has no indentation of
   * its own) from {@code from} to {@code to}: every later non-blank line that starts with
   * {@code from} gets {@code to} instead. Blank lines stay empty; text-block contents shift
   * uniformly, so their incidental-whitespace stripping gives the same string.
   */
  public static String shift(String snippet, String from, String to) {
    if (from.equals(to)) return snippet;
    StringBuilder out = new StringBuilder(snippet.length() + 64);
    int i = 0;
    boolean first = true;
    while (i < snippet.length()) {
      int eol = i;
      while (eol < snippet.length() && snippet.charAt(eol) != '\n' && snippet.charAt(eol) != '\r') eol++;
      String line = snippet.substring(i, eol);
      if (!first && !line.isBlank()) {
        line = line.startsWith(from) ? to + line.substring(from.length()) : line;
      }
      out.append(line);
      int next = eol;
      if (next < snippet.length() && snippet.charAt(next) == '\r') next++;
      if (next < snippet.length() && snippet.charAt(next) == '\n' && (next == eol || snippet.charAt(eol) == '\r')) next++;
      out.append(snippet, eol, next);
      if (next == eol) break;
      i = next;
      first = false;
    }
    return out.toString();
  }

  /** The file's indentation unit, guessed from how far {@code inner} is indented past {@code outer}. */
  public static String unit(String outer, String inner) {
    if (inner.startsWith(outer) && inner.length() > outer.length()) return inner.substring(outer.length());
    return outer.contains("\t") ? "\t" : "  ";
  }
}
