package dev.weft.analyzer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.findings.Report;
import java.nio.file.Path;

/**
 * Entry point: analyses a codebase and returns every accepted region and every rejected candidate
 * with its blockers.
 *
 * <p>TODO(analyzer-core): the flow is project loading → source model → effects → regions →
 * findings; this stub returns an empty report.
 */
public final class Analyzer {

  private final AnalysisOptions options;

  public Analyzer(AnalysisOptions options) {
    this.options = options;
  }

  public Report analyze(Path directory) throws AnalysisException {
    return new Report(
        directory.toAbsolutePath().normalize().toString(),
        0,
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableSortedMap.of(),
        0);
  }

  public AnalysisOptions options() {
    return options;
  }
}
