package dev.weft.transformer.rewrites;

import dev.weft.analyzer.findings.Accumulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scalar reductions ({@code s += e}, {@code s *= e}, {@code s = Math.max(s, e)}, {@code s += str},
 * {@code s = s.add(e)}): each chunk folds into its own {@code chunkS}, starting from the
 * operator's identity; the runtime combines the partials in index order, and the result is folded
 * into the original variable once, {@code s += Weft.reduceLong(…)}, which keeps its initial value
 * and, for non-commutative operators (strings), the order.
 *
 * <p>Several accumulators in one loop are carried together in a small local record, still one
 * runtime call. {@code s = s && e} / {@code s = s || e}: each chunk keeps the short-circuit form on
 * its own copy, and the partials are combined with {@code &&}/{@code ||} in index order; the analyzer
 * accepts these only when every short-circuited operand is pure and cannot throw for any index of
 * the range, so evaluating it where the sequential loop would not is unobservable.
 *
 * <p>A {@code long} index uses the runtime's {@code …OverLongRange} reductions; a floating-point
 * accumulator over a long index is refused (the fixed-shape double reduction takes an int range;
 * the analyzer rejects those loops too, so analyze and rewrite agree).
 */
public final class PrivatizeReduction extends LoopRewrite {

  @Override
  protected String call(RegionSite site, LoopRange range, Map<String, String> renames, String indent, StringBuilder out) {
    List<Accumulator> accs = site.region().accumulators();
    boolean longIndex = range.indexType().equals("long");
    for (Accumulator a : accs) {
      String why = Reductions.unsupported(a);
      if (why != null) return why;
      if (longIndex && Reductions.floating(a.type())) {
        return "`" + a.variable() + "` is a floating-point reduction over a long index: the runtime's fixed-shape"
            + " double reduction takes an int range";
      }
    }
    Names names = site.names();
    String eol = site.eol();
    String inner = indent + site.unit();
    String lo = site.local("lo");
    String hi = site.local("hi");
    Map<String, String> chunkNames = new LinkedHashMap<>(renames);
    for (Accumulator a : accs) chunkNames.put(a.variable(), site.local(Names.prefixed("chunk", a.variable())));

    StringBuilder body = new StringBuilder();
    body.append("(").append(lo).append(", ").append(hi).append(") -> {").append(eol);
    for (Accumulator a : accs) {
      body.append(inner).append(a.type()).append(' ').append(chunkNames.get(a.variable())).append(" = ")
          .append(Reductions.identity(a)).append(';').append(eol);
    }
    body.append(inner).append(range.chunkLoop(lo, hi, chunkNames, inner)).append(eol);

    if (accs.size() == 1) {
      Accumulator a = accs.get(0);
      String t = a.type();
      String method = Reductions.intLike(t) ? "reduceInt" : t.equals("long") ? "reduceLong"
          : t.equals("double") || t.equals("float") ? "reduceDouble" : "reduce";
      String runtimeMethod = longIndex ? method + "OverLongRange" : method;
      String identity = Reductions.identity(a);
      body.append(inner).append("return ").append(chunkNames.get(a.variable())).append(';').append(eol)
          .append(indent).append("}");
      String call = site.weft() + "." + runtimeMethod + "(" + rangeArgs(site, range) + ", "
          + (method.equals("reduce") ? "() -> " + identity : identity) + ", " + body + ", "
          + Reductions.combiner(a, site) + ")";
      out.append(Reductions.fold(a, call));
      return null;
    }

    // Several accumulators: one record carries all partials through the same combine tree.
    String record = site.declared("Partials");
    String partials = site.declared("partials");
    String l = site.local("left");
    String r = site.local("right");
    StringBuilder components = new StringBuilder();
    StringBuilder identities = new StringBuilder();
    StringBuilder chunkValues = new StringBuilder();
    StringBuilder combined = new StringBuilder();
    for (Accumulator a : accs) {
      String sep = components.length() == 0 ? "" : ", ";
      components.append(sep).append(a.type()).append(' ').append(a.variable());
      identities.append(sep).append(Reductions.identity(a));
      chunkValues.append(sep).append(chunkNames.get(a.variable()));
      combined.append(sep).append(Reductions.combine(a, l + "." + a.variable() + "()", r + "." + a.variable() + "()"));
    }
    body.append(inner).append("return new ").append(record).append('(').append(chunkValues).append(");").append(eol)
        .append(indent).append("}");
    out.append("record ").append(record).append('(').append(components).append(") {}").append(eol).append(indent)
        .append(record).append(' ').append(partials).append(" = ").append(site.weft()).append(longIndex ? ".reduceOverLongRange(" : ".reduce(")
        .append(rangeArgs(site, range)).append(", () -> new ").append(record).append('(').append(identities)
        .append("), ").append(body).append(", (").append(l).append(", ").append(r).append(") -> new ")
        .append(record).append('(').append(combined).append("));");
    for (Accumulator a : accs) {
      out.append(eol).append(indent).append(Reductions.fold(a, partials + "." + a.variable() + "()"));
    }
    return null;
  }
}
