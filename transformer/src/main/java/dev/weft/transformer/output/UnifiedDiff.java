package dev.weft.transformer.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.weft.transformer.RewriteResult.FileChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of the changed files, git style ({@code a/} and {@code b/} prefixes: {@code git
 * apply} and {@code patch -p1} take it). Lines are split at {@code \n} only, so a CRLF file's lines
 * keep their {@code \r} and the patch applies to the file as it is.
 */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  public static String of(List<FileChange> changes) {
    StringBuilder out = new StringBuilder();
    for (FileChange c : changes) {
      List<String> before = lines(c.originalText());
      List<String> after = lines(c.newText());
      Patch<String> patch = DiffUtils.diff(before, after);
      List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + c.path(), "b/" + c.path(), before, patch, CONTEXT);
      for (String line : diff) out.append(line).append('\n');
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    // "a\n" splits into ["a", ""]: the empty tail is not a line.
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines;
  }
}
