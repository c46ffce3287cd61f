package dev.weft.transformer.rewrites;

import java.util.Map;

/**
 * DOALL counted loop: {@code for (int i = a; i < b; i++) body} becomes {@code Weft.forRange(a, b,
 * work, (lo, hi) -> { for (int i = lo; i < hi; i++) body })}. Iterations are independent (the
 * analyzer proved it), so any split of {@code [a, b)} into chunks runs the same writes.
 */
public class ParallelizeCountedLoop extends LoopRewrite {

  @Override
  protected String call(RegionSite site, LoopRange range, Map<String, String> renames, String indent, StringBuilder out) {
    String lo = site.local("lo");
    String hi = site.local("hi");
    out.append(site.weft()).append(".forRange(").append(rangeArgs(site, range)).append(", (")
        .append(range.indexType()).append(' ').append(lo).append(", ").append(range.indexType()).append(' ').append(hi)
        .append(") -> {").append(site.eol())
        .append(indent).append(site.unit()).append(range.chunkLoop(lo, hi, renames, indent + site.unit()))
        .append(site.eol()).append(indent).append("});");
    return null;
  }
}
