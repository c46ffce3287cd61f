package dev.weft.analyzer.findings;

/**
 * A place in the analysed tree. {@code file} is relative to the analysed directory and always uses
 * {@code /}; {@code line} and {@code column} are 1-based (column 0 when unknown).
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
