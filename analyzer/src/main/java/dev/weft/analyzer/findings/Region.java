package dev.weft.analyzer.findings;

import com.google.common.collect.ImmutableList;

/**
 * An accepted region: the analyzer proved it may run as parallel tasks without changing behaviour.
 *
 * @param kind what kind of region
 * @param location the loop keyword, the first of the independent statements, or the method
 * @param method the enclosing method, as {@code pkg.Class.method(ParamType,…)}
 * @param work estimated operations for one execution of the region (trip count × per-iteration
 *     cost where the trip count is known; per-iteration cost × an assumed trip count otherwise)
 * @param workPerIteration estimated operations per iteration (loops) or per task (calls)
 * @param loop the iteration space, for loops; null otherwise
 * @param accumulators what the rewrite must privatise and merge, in source order
 * @param captures locals the body reads that are not effectively final: the rewrite copies them
 *     into final locals before the runtime call
 * @param facts the proof, one sentence each, for a person ("a[i] written only at index i: distinct
 *     across iterations (GCD test)", "Util.norm(double[]) reads only its argument")
 * @param runtimeChecks Java boolean expressions (in the scope just before the region) that must
 *     hold for the parallel version to be safe, e.g. {@code a != b}; empty when none. The rewrite
 *     emits {@code if (checks) <parallel> else <original>} (DESIGN.md §2, "Aliasing")
 * @param needsFpReassociation true when a {@code float}/{@code double} reduction is involved: only
 *     rewritten with the user's opt-in
 */
public record Region(
    RegionKind kind,
    SourceLocation location,
    String method,
    long work,
    long workPerIteration,
    LoopShape loop,
    ImmutableList<Accumulator> accumulators,
    ImmutableList<String> captures,
    ImmutableList<String> facts,
    ImmutableList<String> runtimeChecks,
    boolean needsFpReassociation) {}
