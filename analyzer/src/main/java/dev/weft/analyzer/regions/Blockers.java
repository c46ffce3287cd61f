package dev.weft.analyzer.regions;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Blocker;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contract: a rejection lists every blocker that applies, one per id, sorted by witness position. */
final class Blockers {

  private Blockers() {}

  static ImmutableList<Blocker> normalise(List<Blocker> all) {
    Comparator<Blocker> byPlace = Comparator.comparing((Blocker b) -> b.witness().location())
        .thenComparing(Blocker::id);
    Map<String, Blocker> first = new LinkedHashMap<>();
    all.stream().sorted(byPlace).forEach(b -> first.putIfAbsent(b.id(), b));
    return first.values().stream().sorted(byPlace).collect(ImmutableList.toImmutableList());
  }
}
