package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps summaries small. Past {@link #MAX_ACCESSES} reads or writes, the accesses reached through
 * fields of a base ({@code this.a.b}) collapse into one per base and target, named {@code *}
 * with owner {@code *}: "some field (or element) of an object reached from this base". Collapsing
 * only widens what a summary may touch, so it stays sound.
 */
final class Limits {

  static final int MAX_ACCESSES = 64;
  static final String ANY = "*";

  private Limits() {}

  static MethodEffects capped(MethodEffects e) {
    if (e.reads().size() <= MAX_ACCESSES && e.writes().size() <= MAX_ACCESSES) {
      return e;
    }
    Map<String, ImmutableList<String>> chains = new LinkedHashMap<>(e.chains());
    ImmutableSet<Access> writes = collapse(e.writes(), chains);
    ImmutableSet<Access> reads = collapse(e.reads(), new LinkedHashMap<>());
    Map<String, ImmutableList<String>> kept = new LinkedHashMap<>();
    writes.forEach(w -> kept.put(w.toString(), chains.getOrDefault(w.toString(), ImmutableList.of("writes " + w))));
    e.flags().forEach(f -> kept.put(f.name(), chains.getOrDefault(f.name(), ImmutableList.of(f.name()))));
    return new MethodEffects(reads, writes, e.flags(), ImmutableMap.copyOf(kept), e.returns(), e.escapes(), e.held(), e.stored(), e.tainted(), e.source());
  }

  private static ImmutableSet<Access> collapse(Set<Access> accesses, Map<String, ImmutableList<String>> chains) {
    if (accesses.size() <= MAX_ACCESSES) {
      return ImmutableSet.copyOf(accesses);
    }
    Set<Access> out = new LinkedHashSet<>();
    for (Access a : accesses) {
      if (a.target() == Access.Target.STATIC_FIELD || (!BytecodeEffects.isDeep(a) && a.base().kind() != Base.Kind.UNKNOWN)) {
        out.add(a);
        continue;
      }
      Access wide = new Access(a.target(), a.base(), ANY, a.target() == Access.Target.ARRAY_ELEMENT ? ANY + "[]" : ANY + "." + ANY);
      if (out.add(wide) && chains.containsKey(a.toString())) {
        chains.putIfAbsent(wide.toString(), chains.get(a.toString()));
      }
    }
    return ImmutableSet.copyOf(out);
  }
}
