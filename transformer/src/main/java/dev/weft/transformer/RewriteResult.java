package dev.weft.transformer;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Region;
import java.nio.charset.Charset;

/**
 * What one rewrite run produced: the files it would change (nothing is written here; see
 * {@code output.TreeWriter}) and, for every accepted region, whether it was rewritten and by which
 * rewrite, or why not. {@code rejected} holds rewrites that did not compile: never written, kept
 * so the bug can be reported with the exact text.
 */
public record RewriteResult(
    String root, ImmutableList<FileChange> files, ImmutableList<RegionOutcome> regions, ImmutableList<FileChange> rejected) {

  /**
   * One changed file.
   *
   * @param path relative to the analysed directory, with {@code /}
   * @param charset the encoding the file was read with; the new text is written back in it
   * @param byteOrderMark whether the file started with a UTF-8 byte-order mark (kept)
   */
  public record FileChange(String path, String originalText, String newText, Charset charset, boolean byteOrderMark) {}

  public enum Status {
    REWRITTEN,
    /** The region's code is already a runtime call (rewriting rewritten code changes nothing). */
    ALREADY_REWRITTEN,
    /** Not rewritten: the reason says what the transformer does not handle or will not risk. */
    SKIPPED,
    /** The rewrite did not compile or parse: a transformer bug, reported and never written. */
    FAILED
  }

  /**
   * @param rewrite the rewrite class that handled it ({@code PrivatizeReduction}), or empty
   * @param reason why it was skipped or failed; empty when rewritten
   */
  public record RegionOutcome(Region region, Status status, String rewrite, String reason) {}

  public long count(Status status) {
    return regions.stream().filter(r -> r.status() == status).count();
  }

  public boolean hasFailures() {
    return count(Status.FAILED) > 0;
  }
}
