package dev.weft.analyzer.findings;

import com.google.common.collect.ImmutableList;

/**
 * What a person looks at to understand a blocker: where it is, the exact code ({@code a[i - 1] = …},
 * {@code counter++}, {@code helper.log(x)}), and, for effects found through calls, the call chain
 * from the region down to the effect, outermost first (e.g. {@code Stats.add(int)},
 * {@code Stats.bump()}, {@code writes static Stats.count}).
 */
public record Witness(SourceLocation location, String code, ImmutableList<String> callChain) {

  public static Witness at(SourceLocation location, String code) {
    return new Witness(location, code, ImmutableList.of());
  }
}
