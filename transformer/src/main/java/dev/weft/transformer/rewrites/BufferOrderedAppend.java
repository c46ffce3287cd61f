package dev.weft.transformer.rewrites;

import dev.weft.analyzer.findings.Accumulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered append {@code out.add(e)} / {@code sb.append(e)}: each task appends to its own buffer and
 * the runtime appends the buffers to the original in index order ({@code Weft.appendOrdered}), so
 * the list or builder ends exactly as the sequential loop leaves it.
 */
public final class BufferOrderedAppend extends LoopRewrite {

  @Override
  protected String call(RegionSite site, LoopRange range, Map<String, String> renames, String indent, StringBuilder out) {
    if (site.region().accumulators().size() != 1) return "more than one accumulator alongside an ordered append";
    if (!range.indexType().equals("int")) return "the runtime's ordered append takes an int range; this loop's index is long";
    Accumulator a = site.region().accumulators().get(0);
    String lo = site.local("lo");
    String hi = site.local("hi");
    String buffer = site.local(Names.prefixed("chunk", a.variable()));
    Map<String, String> chunkNames = new LinkedHashMap<>(renames);
    chunkNames.put(a.variable(), buffer);
    out.append(site.weft()).append(".appendOrdered(").append(rangeArgs(site, range)).append(", ").append(a.variable())
        .append(", (").append(lo).append(", ").append(hi).append(", ").append(buffer).append(") -> {").append(site.eol())
        .append(indent).append(site.unit()).append(range.chunkLoop(lo, hi, chunkNames, indent + site.unit()))
        .append(site.eol()).append(indent).append("});");
    return null;
  }
}
