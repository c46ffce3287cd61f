package dev.weft.transformer.rewrites;

import dev.weft.analyzer.findings.Accumulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keyed reduction {@code counts.merge(k, v, f)} (or the {@code put(k, getOrDefault(k, z) ⊕ v)}
 * form): each task updates its own insertion-ordered map and the runtime merges the task maps into
 * the original in index order with {@code f}, which reproduces the sequential insertion order.
 * The task maps reach the original through the operation the loop used: {@code Weft.mergeKeyed}
 * (via {@code merge}) for the merge form, {@code Weft.updateKeyed} (via {@code get}/{@code put}) for
 * the put form; a {@code HashMap} links new keys differently under the two, which shows in its
 * iteration order (fuzz regression 100107).
 */
public final class MergeKeyedReduction extends LoopRewrite {

  @Override
  protected String call(RegionSite site, LoopRange range, Map<String, String> renames, String indent, StringBuilder out) {
    if (site.region().accumulators().size() != 1) return "more than one accumulator alongside a keyed reduction";
    if (!range.indexType().equals("int")) return "the runtime's keyed reduction takes an int range; this loop's index is long";
    Accumulator a = site.region().accumulators().get(0);
    String merge = mergeFunction(a, site);
    if (merge == null) return "merge function `" + a.operator() + "` of `" + a.variable() + "` is not one the rewrite knows";
    String lo = site.local("lo");
    String hi = site.local("hi");
    String view = site.local(Names.prefixed("chunk", a.variable()));
    Map<String, String> chunkNames = new LinkedHashMap<>(renames);
    chunkNames.put(a.variable(), view);
    // The put form carries its getOrDefault default as the identity; the merge form has none.
    String method = a.identity().isEmpty() ? ".mergeKeyed(" : ".updateKeyed(";
    out.append(site.weft()).append(method).append(rangeArgs(site, range)).append(", ").append(a.variable())
        .append(", ").append(merge).append(", (").append(lo).append(", ").append(hi).append(", ").append(view)
        .append(") -> {").append(site.eol())
        .append(indent).append(site.unit()).append(range.chunkLoop(lo, hi, chunkNames, indent + site.unit()))
        .append(site.eol()).append(indent).append("});");
    return null;
  }

  private static String mergeFunction(Accumulator a, RegionSite site) {
    String op = a.operator().trim();
    if (op.contains("::") || op.contains("->")) return op;
    String l = site.local("left");
    String r = site.local("right");
    return switch (Reductions.op(a)) {
      case "+", "*", "&", "|", "^" -> "(" + l + ", " + r + ") -> " + l + " " + Reductions.op(a) + " " + r;
      case "min", "max" -> "(" + l + ", " + r + ") -> Math." + Reductions.op(a) + "(" + l + ", " + r + ")";
      case "concat" -> "String::concat";
      default -> null;
    };
  }
}
