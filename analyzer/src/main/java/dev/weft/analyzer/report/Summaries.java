package dev.weft.analyzer.report;

import com.google.common.collect.ImmutableMap;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Report;
import java.util.EnumMap;
import java.util.Map;

/** Counts both report formats show, computed one way so that text and JSON always agree. */
final class Summaries {

  private Summaries() {}

  /** Every region kind, in {@link RegionKind} order, zeros included: the JSON keys never vary. */
  static ImmutableMap<RegionKind, Integer> regionsByKind(Report report) {
    Map<RegionKind, Integer> counts = new EnumMap<>(RegionKind.class);
    for (RegionKind k : RegionKind.values()) counts.put(k, 0);
    for (Region r : report.regions()) counts.merge(r.kind(), 1, Integer::sum);
    return ImmutableMap.copyOf(counts);
  }
}
