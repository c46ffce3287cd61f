package dev.weft.analyzer.project;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.FileProblem;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link Project} plus what loading it found wrong (compile errors) and the temporary class
 * directory the loader created, if any, which the caller deletes when the analysis is over.
 */
public record LoadedProject(
    Project project, ImmutableList<FileProblem> problems, Optional<Path> temporaryClasses) {}
