package dev.weft.transformer.rewrites;

import dev.weft.analyzer.findings.Accumulator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rewrite of one accepted loop into one runtime call. The shared part: final copies of captured
 * locals, the headline comment, the work estimate; a subclass writes the call itself around
 * {@link LoopRange#chunkLoop}, which keeps the original body intact.
 */
public abstract class LoopRewrite {

  /** The class's name, as reported per region. */
  public final String name() {
    return getClass().getSimpleName();
  }

  /**
   * Appends the runtime call (first line already indented, later lines at {@code indent}) to
   * {@code out}; returns null, or the reason this rewrite cannot handle the region.
   */
  protected abstract String call(RegionSite site, LoopRange range, Map<String, String> renames, String indent, StringBuilder out);

  /** The replacement text (first line unindented), or why there is none. */
  public record Emission(String text, String skipReason) {}

  public final Emission emit(RegionSite site, LoopRange range, String indent) {
    // Accumulators are privatised and the index is declared by the chunk loop: neither is captured.
    Set<String> notCaptured = site.region().accumulators().stream().map(Accumulator::variable).collect(Collectors.toSet());
    if (range.index() != null) notCaptured.add(range.index());
    // Locals declared outside but assigned inside: the analyzer proved each is written before it is
    // read in every iteration and dead after the loop, so each chunk gets its own.
    Map<String, String> scratch = new LinkedHashMap<>();
    for (String name : site.assignedIn(range.insideNodes())) {
      if (notCaptured.contains(name)) continue;
      site.localType(name, range.loop()).ifPresent(t -> scratch.put(name, t.toString()));
    }
    notCaptured.addAll(scratch.keySet());
    Set<String> captured = site.capturesIn(range.insideNodes(), notCaptured);
    RegionSite.Snapshots snapshots = site.snapshots(captured, range.loop(), indent);
    Map<String, String> renames = new LinkedHashMap<>(snapshots.renames());
    StringBuilder declarations = new StringBuilder();
    for (Map.Entry<String, String> e : scratch.entrySet()) {
      String own = site.local(Names.prefixed("chunk", e.getKey()));
      renames.put(e.getKey(), own);
      declarations.append(e.getValue()).append(' ').append(own).append(';').append(site.eol());
    }
    range.declareInChunk(declarations.toString());
    StringBuilder out = new StringBuilder(snapshots.lines());
    if (!range.hoisted().isEmpty()) out.append(range.hoisted()).append(site.eol()).append(indent);
    out.append(site.headline("~" + site.region().workPerIteration() + " operations per iteration"))
        .append(site.eol()).append(indent);
    String reason = call(site, range, renames, indent, out);
    return reason != null ? new Emission(null, reason) : new Emission(out.toString(), null);
  }

  /** The work-per-iteration argument as a Java literal. */
  protected static String work(RegionSite site) {
    long w = Math.max(1, site.region().workPerIteration());
    return w > Integer.MAX_VALUE ? w + "L" : Long.toString(w);
  }

  /** The range arguments: {@code from, to, work}. */
  protected static String rangeArgs(RegionSite site, LoopRange range) {
    return range.from() + ", " + range.to() + ", " + work(site);
  }
}
