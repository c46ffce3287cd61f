package dev.weft.transformer.rewrites;

import com.google.common.collect.ImmutableList;
import dev.weft.transformer.source.Edit;

/** What a rewrite made of one region: edits of the file, or the reason it left the code alone. */
public sealed interface Outcome {

  /** The region rewritten; {@code rewrite} names the class that did it. */
  record Rewritten(ImmutableList<Edit> edits, String rewrite) implements Outcome {}

  /** Left unchanged; {@code already} when the code is a rewrite's own output. */
  record Skipped(String reason, boolean already) implements Outcome {}

  static Outcome skip(String reason) {
    return new Skipped(reason, false);
  }
}
