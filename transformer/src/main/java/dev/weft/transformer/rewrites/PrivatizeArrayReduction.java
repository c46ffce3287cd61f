package dev.weft.transformer.rewrites;

import dev.weft.analyzer.findings.Accumulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Array (histogram) reduction {@code hist[f(i)] += e}: each task updates a private copy of the
 * array filled with the identity, and the runtime folds the copies into the original element-wise
 * in index order ({@code Weft.accumulate}). Only {@code int[]}, {@code long[]} and {@code double[]}
 * (the runtime's overloads), one array per loop.
 */
public final class PrivatizeArrayReduction extends LoopRewrite {

  @Override
  protected String call(RegionSite site, LoopRange range, Map<String, String> renames, String indent, StringBuilder out) {
    if (site.region().accumulators().size() != 1) return "more than one accumulator alongside an array reduction";
    Accumulator a = site.region().accumulators().get(0);
    String element = a.type().replace(" ", "");
    if (!element.equals("int[]") && !element.equals("long[]") && !element.equals("double[]")) {
      return "array reductions into " + a.type() + " are not supported by the runtime (int[], long[], double[])";
    }
    if (!range.indexType().equals("int")) return "the runtime's array reductions take an int range; this loop's index is long";
    String scalar = element.substring(0, element.length() - 2);
    Accumulator asScalar = new Accumulator(a.variable(), scalar, a.shape(), a.operator(), a.identity());
    String why = Reductions.unsupported(asScalar);
    if (why != null) return why;
    String lo = site.local("lo");
    String hi = site.local("hi");
    String view = site.local(Names.prefixed("chunk", a.variable()));
    Map<String, String> chunkNames = new LinkedHashMap<>(renames);
    chunkNames.put(a.variable(), view);
    out.append(site.weft()).append(".accumulate(").append(rangeArgs(site, range)).append(", ").append(a.variable())
        .append(", ").append(Reductions.identity(asScalar)).append(", ").append(Reductions.combiner(asScalar, site))
        .append(", (").append(lo).append(", ").append(hi).append(", ").append(view).append(") -> {").append(site.eol())
        .append(indent).append(site.unit()).append(range.chunkLoop(lo, hi, chunkNames, indent + site.unit()))
        .append(site.eol()).append(indent).append("});");
    return null;
  }
}
