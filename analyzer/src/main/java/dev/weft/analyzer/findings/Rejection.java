package dev.weft.analyzer.findings;

import com.google.common.collect.ImmutableList;

/**
 * A candidate the analyzer did not accept, with every blocker it found (at least one).
 *
 * @param candidate what was considered: {@code loop}, {@code calls} (consecutive independent
 *     calls), or {@code recursion} (divide and conquer)
 * @param location the loop keyword, first statement, or method
 * @param method the enclosing method, as in {@link Region#method()}
 */
public record Rejection(
    String candidate, SourceLocation location, String method, ImmutableList<Blocker> blockers) {}
