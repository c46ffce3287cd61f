package dev.weft.corpus;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Set;

/**
 * What a finding says about one loop or candidate: accepted as a region of {@code kind}, or rejected
 * with exactly the set of {@code blockers}. Blocker order does not matter (the analyzer sorts them by
 * witness position; the corpus compares sets).
 *
 * @param kind a {@code RegionKind} id ({@code DoallLoop}, …) when accepted, else null
 * @param blockers the blocker ids when rejected (never empty then), else empty
 */
public record Verdict(String kind, ImmutableSortedSet<String> blockers) {

  public Verdict {
    if ((kind == null) == blockers.isEmpty()) {
      throw new IllegalArgumentException("a verdict is either a kind or a non-empty blocker set");
    }
  }

  public static Verdict accepted(String kind) {
    return new Verdict(kind, ImmutableSortedSet.of());
  }

  public static Verdict blocked(Set<String> blockers) {
    return new Verdict(null, ImmutableSortedSet.copyOf(blockers));
  }

  public boolean isAccepted() {
    return kind != null;
  }

  /** Marker syntax: {@code DoallLoop} or {@code blocked A, B}. */
  @Override
  public String toString() {
    return isAccepted() ? kind : "blocked " + String.join(", ", blockers);
  }
}
