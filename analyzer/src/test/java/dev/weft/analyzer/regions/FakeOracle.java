package dev.weft.analyzer.regions;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.weft.analyzer.effects.Access;
import dev.weft.analyzer.effects.Base;
import dev.weft.analyzer.effects.EffectFlag;
import dev.weft.analyzer.effects.EffectOracle;
import dev.weft.analyzer.effects.EffectSummary;
import dev.weft.analyzer.effects.MethodRef;

/**
 * A tiny effect model for the analyzer-core tests, independent of the real SootUp oracle: Math and
 * String are pure, PrintStream does I/O, Random and collections write their receiver, project
 * methods named {@code pure*} are pure, {@code bump*} write a static field, everything else unknown.
 */
final class FakeOracle implements EffectOracle {

  @Override
  public EffectSummary summaryOf(MethodRef m) {
    String c = m.declaringClass();
    if (c.equals("java.lang.Math") || c.equals("java.lang.String") || c.equals("java.lang.Integer") || m.name().startsWith("pure")
        || (c.endsWith("Exception") && m.name().equals("<init>"))) {
      return summary(m, ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of());
    }
    if (c.equals("java.io.PrintStream")) return summary(m, ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(EffectFlag.IO));
    if (c.equals("java.util.Random") || c.startsWith("java.util.ArrayList") || c.equals("java.lang.StringBuilder")
        || c.equals("java.util.HashMap") || c.equals("java.util.Map") || c.equals("java.util.List")) {
      if (m.name().equals("<init>")) return summary(m, ImmutableSet.of(), ImmutableSet.of(Access.field(Base.THIS, c, "state")), ImmutableSet.of());
      if (m.name().equals("size") || m.name().equals("get") || m.name().equals("length")) {
        return summary(m, ImmutableSet.of(Access.field(Base.THIS, c, "state")), ImmutableSet.of(), ImmutableSet.of());
      }
      return summary(m, ImmutableSet.of(Access.field(Base.THIS, c, "state")), ImmutableSet.of(Access.field(Base.THIS, c, "state")), ImmutableSet.of());
    }
    if (m.name().startsWith("bump")) {
      Access w = Access.staticField(c, "count");
      return new EffectSummary(m, ImmutableSet.of(w), ImmutableSet.of(w), ImmutableSet.of(),
          ImmutableMap.of(w.toString(), ImmutableList.of(m.display(), "writes static count")), "test");
    }
    if (m.name().startsWith("fill")) {
      Access w = Access.arrayElement(Base.parameter(0), "int");
      return new EffectSummary(m, ImmutableSet.of(), ImmutableSet.of(w), ImmutableSet.of(),
          ImmutableMap.of(w.toString(), ImmutableList.of(m.display(), "writes parameter 0[…]")), "test");
    }
    if (m.name().startsWith("sum")) {
      return summary(m, ImmutableSet.of(Access.arrayElement(Base.parameter(0), "int")), ImmutableSet.of(), ImmutableSet.of());
    }
    return EffectSummary.unknown(m, "not in the test model");
  }

  private static EffectSummary summary(MethodRef m, ImmutableSet<Access> reads, ImmutableSet<Access> writes, ImmutableSet<EffectFlag> flags) {
    ImmutableMap.Builder<String, ImmutableList<String>> chains = ImmutableMap.builder();
    for (Access w : writes) chains.put(w.toString(), ImmutableList.of(m.display(), "writes " + w));
    for (EffectFlag f : flags) chains.put(f.name(), ImmutableList.of(m.display(), f.name().toLowerCase()));
    return new EffectSummary(m, reads, writes, flags, chains.buildKeepingLast(), "test");
  }
}
