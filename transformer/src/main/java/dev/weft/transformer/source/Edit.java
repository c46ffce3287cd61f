package dev.weft.transformer.source;

import java.util.Comparator;
import java.util.List;

/**
 * Replace the characters {@code [begin, end)} of a file with {@code replacement}. Everything
 * outside the edits stays byte for byte as the user wrote it, comments and formatting included.
 */
public record Edit(int begin, int end, String replacement) {

  public boolean overlaps(Edit o) {
    return begin < o.end && o.begin < end || begin == o.begin;
  }

  /** Applies non-overlapping edits, last first, so earlier offsets stay valid. */
  public static String apply(String text, List<Edit> edits) {
    StringBuilder out = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt(Edit::begin).reversed())
        .forEach(e -> out.replace(e.begin, e.end, e.replacement));
    return out.toString();
  }
}
