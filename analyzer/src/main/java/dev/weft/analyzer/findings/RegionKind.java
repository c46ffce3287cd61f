package dev.weft.analyzer.findings;

/**
 * The kinds of region the analyzer may accept (DESIGN.md §2). {@link #id()} is the stable name used
 * in reports, JSON and the corpus markers ({@code // weft: DoallLoop}).
 *
 * <p>A loop that combines several patterns (say, writes {@code a[i]} and sums into {@code s}) is
 * reported once, under the most specific kind it needs, in this order: keyed reduction, ordered
 * append, array reduction, reduction, DOALL. Its {@link Region#accumulators()} list all of them.
 */
public enum RegionKind {
  DOALL_LOOP("DoallLoop"),
  REDUCTION("Reduction"),
  ARRAY_REDUCTION("ArrayReduction"),
  ORDERED_APPEND("OrderedAppend"),
  KEYED_REDUCTION("KeyedReduction"),
  INDEPENDENT_CALLS("IndependentCalls"),
  DIVIDE_AND_CONQUER("DivideAndConquer");

  private final String id;

  RegionKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static RegionKind fromId(String id) {
    for (RegionKind k : values()) {
      if (k.id.equals(id)) return k;
    }
    throw new IllegalArgumentException("unknown region kind: " + id);
  }
}
