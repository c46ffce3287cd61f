package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * What calling a method may do (DESIGN.md §2, "Effects"), transitively over everything it calls.
 *
 * <p>{@code chains} explains each write and each flag: the call path from this method down to the
 * statement that has the effect, outermost first, e.g. {@code ["Stats.add(int)", "Stats.bump()",
 * "writes static Stats.count"]}. It holds an entry for every element of {@code writes} (keyed by
 * {@link Access#toString()}) and every flag (keyed by {@link EffectFlag#name()}).
 *
 * @param method the method summarised
 * @param reads memory it may read
 * @param writes memory it may write
 * @param flags non-memory effects
 * @param chains why, for each write and flag
 * @param source where the summary came from: {@code model} (the reviewed JDK model),
 *     {@code bytecode} (SootUp), {@code unknown}
 */
public record EffectSummary(
    MethodRef method,
    ImmutableSet<Access> reads,
    ImmutableSet<Access> writes,
    ImmutableSet<EffectFlag> flags,
    ImmutableMap<String, ImmutableList<String>> chains,
    String source) {

  /** A method with no effect at all: {@code Math.abs}, a getter of a final field of a parameter. */
  public boolean isPure() {
    return writes.isEmpty() && flags.isEmpty();
  }

  public static EffectSummary unknown(MethodRef method, String why) {
    return new EffectSummary(
        method,
        ImmutableSet.of(),
        ImmutableSet.of(),
        ImmutableSet.of(EffectFlag.UNKNOWN),
        ImmutableMap.of(EffectFlag.UNKNOWN.name(), ImmutableList.of(method.display(), why)),
        "unknown");
  }
}
