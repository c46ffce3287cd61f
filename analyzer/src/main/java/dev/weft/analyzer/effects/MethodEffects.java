package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysis' own summary of a method: {@link EffectSummary} plus what callers need to map it
 * onto their arguments — which objects the return value may be, and which arguments the method
 * may store somewhere (so that a caller's fresh object passed to it is no longer private).
 *
 * @param returns what the return value may point to ({@link Val#FRESH}: allocated by the call and
 *     not stored anywhere else)
 * @param escapes arguments the method may store into the heap: -1 for the receiver, k for
 *     parameter k
 * @param stored arguments the method may store only into its receiver's own state (ArrayList.add):
 *     a caller's fresh receiver then holds them, nothing else does
 * @param tainted bases (-1 receiver, k parameter, {@link #RETURN} the fresh return value, {@link
 *     #ALL}) into whose state the method may store objects its callers cannot name (a static's value)
 * @param held arguments a fresh return value may hold (an object reachable from it): -1 for the
 *     receiver, k for parameter k. The caller's result then holds them: if it escapes, they do.
 */
record MethodEffects(
    ImmutableSet<Access> reads,
    ImmutableSet<Access> writes,
    ImmutableSet<EffectFlag> flags,
    ImmutableMap<String, ImmutableList<String>> chains,
    ImmutableSet<Val> returns,
    ImmutableSet<Integer> escapes,
    ImmutableSet<Integer> held,
    ImmutableSet<Integer> stored,
    ImmutableSet<Integer> tainted,
    String source) {

  static final int RETURN = -2;
  static final int ALL = Integer.MIN_VALUE;

  static final MethodEffects BOTTOM = new Builder().build("bytecode");

  static MethodEffects unknown(String display, String why) {
    Builder b = new Builder();
    b.flag(EffectFlag.UNKNOWN, List.of(display, why));
    b.returns.add(Val.UNKNOWN);
    b.escapesAll = true;
    b.tainted.add(ALL);
    return b.build("unknown");
  }

  /** Same effects, ignoring the explanations: the fixed point compares this. */
  boolean sameEffects(MethodEffects o) {
    return reads.equals(o.reads)
        && writes.equals(o.writes)
        && flags.equals(o.flags)
        && returns.equals(o.returns)
        && escapes.equals(o.escapes)
        && held.equals(o.held)
        && stored.equals(o.stored)
        && tainted.equals(o.tainted);
  }

  boolean escapesAll() {
    return escapes.contains(Integer.MIN_VALUE);
  }

  boolean taints(int base) {
    return tainted.contains(ALL) || tainted.contains(base);
  }

  boolean escapes(int argument) {
    return escapesAll() || escapes.contains(argument);
  }

  EffectSummary toSummary(MethodRef method) {
    return new EffectSummary(method, reads, writes, flags, chains, source);
  }

  /** Mutable accumulator used while one method is analysed. */
  static final class Builder {
    final Set<Access> reads = new LinkedHashSet<>();
    final Set<Access> writes = new LinkedHashSet<>();
    final Set<EffectFlag> flags = EnumSet.noneOf(EffectFlag.class);
    final Map<String, ImmutableList<String>> chains = new LinkedHashMap<>();
    final Set<Val> returns = new LinkedHashSet<>();
    final Set<Integer> escapes = new LinkedHashSet<>();
    final Set<Integer> held = new LinkedHashSet<>();
    final Set<Integer> stored = new LinkedHashSet<>();
    final Set<Integer> tainted = new LinkedHashSet<>();
    boolean escapesAll;

    void read(Access a) {
      reads.add(a);
    }

    /** Records a write; the first chain found for an access explains it. */
    void write(Access a, List<String> chain) {
      writes.add(a);
      chains.putIfAbsent(a.toString(), ImmutableList.copyOf(chain));
    }

    void flag(EffectFlag f, List<String> chain) {
      flags.add(f);
      chains.putIfAbsent(f.name(), ImmutableList.copyOf(chain));
    }

    void addAll(MethodEffects other) {
      reads.addAll(other.reads);
      writes.addAll(other.writes);
      flags.addAll(other.flags);
      other.chains.forEach(chains::putIfAbsent);
      returns.addAll(other.returns);
      escapes.addAll(other.escapes);
      held.addAll(other.held);
      stored.addAll(other.stored);
      tainted.addAll(other.tainted);
    }

    MethodEffects build(String source) {
      Set<Integer> esc = new LinkedHashSet<>(escapes);
      if (escapesAll) {
        esc.add(Integer.MIN_VALUE);
      }
      // A chain for every write and flag, nothing else (a write replaced on the way drops its key).
      Map<String, ImmutableList<String>> kept = new LinkedHashMap<>();
      for (Access w : writes) {
        kept.put(w.toString(), chains.getOrDefault(w.toString(), ImmutableList.of("writes " + w)));
      }
      for (EffectFlag f : flags) {
        kept.put(f.name(), chains.getOrDefault(f.name(), ImmutableList.of(f.name())));
      }
      return new MethodEffects(
          ImmutableSet.copyOf(reads),
          ImmutableSet.copyOf(writes),
          ImmutableSet.copyOf(EnumSet.copyOf(flags.isEmpty() ? EnumSet.noneOf(EffectFlag.class) : flags)),
          ImmutableMap.copyOf(kept),
          ImmutableSet.copyOf(returns),
          ImmutableSet.copyOf(esc),
          ImmutableSet.copyOf(held),
          ImmutableSet.copyOf(stored),
          ImmutableSet.copyOf(tainted),
          source);
    }
  }
}
