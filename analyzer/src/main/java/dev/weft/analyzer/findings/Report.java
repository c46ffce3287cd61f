package dev.weft.analyzer.findings;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;

/**
 * Everything one analysis run found. Lists are sorted by location. This is what {@code weft analyze
 * --format json} prints and what the transformer consumes.
 *
 * @param root the analysed directory (absolute)
 * @param filesAnalysed Java files parsed and analysed
 * @param regions accepted regions
 * @param rejected candidates with their blockers
 * @param problems files that could not be analysed
 * @param blockerCounts how many rejections carry each blocker id
 * @param seconds wall time of the analysis
 */
public record Report(
    String root,
    int filesAnalysed,
    ImmutableList<Region> regions,
    ImmutableList<Rejection> rejected,
    ImmutableList<FileProblem> problems,
    ImmutableSortedMap<String, Integer> blockerCounts,
    double seconds) {}
