package dev.weft.transformer.rewrites;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loops the analyzer accepted only if two references do not alias: {@code if (a != b) { parallel }
 * else { original loop }}. The check is the analyzer's {@code runtimeChecks}, evaluated once just
 * before the loop, where the original loop would read the same references.
 */
public final class VersionOnAliasCheck {

  private VersionOnAliasCheck() {}

  /**
   * Wraps {@code parallel} (emitted for {@code indent + unit}, first line unindented) and the
   * original loop; the result's first line is unindented, later lines at {@code indent}.
   */
  public static String wrap(RegionSite site, LoopRange range, String parallel, String indent) {
    String inner = indent + site.unit();
    String eol = site.eol();
    String checks = site.region().runtimeChecks().stream()
        .map(c -> site.region().runtimeChecks().size() > 1 && c.contains("||") ? "(" + c + ")" : c)
        .collect(Collectors.joining(" && "));
    return "if (" + checks + ") {" + eol
        + inner + "// versioned: the parallel loop runs only when " + checks + eol
        + inner + parallel + eol
        + indent + "} else {" + eol
        + inner + site.moved(range.loop(), Map.of(), inner) + eol
        + indent + "}";
  }
}
