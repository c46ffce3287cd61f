package dev.weft.analyzer.findings;

/**
 * One reason a candidate region was rejected. {@code id} is stable (reports, suppressions and docs
 * key on it) and names what blocks, e.g. {@code LoopCarriedDependence}, {@code WritesSharedField},
 * {@code CallsUnknownMethod}; see {@code analyzer/docs/blockers/} for the list, one page each.
 * {@code message} says what was found, {@code hint} what the user can change to unblock it.
 */
public record Blocker(String id, String message, Witness witness, String hint) {}
