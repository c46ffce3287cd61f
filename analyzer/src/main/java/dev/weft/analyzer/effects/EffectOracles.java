package dev.weft.analyzer.effects;

import dev.weft.analyzer.project.Project;

/**
 * Builds the effect oracle for a project.
 *
 * <p>TODO(effects): SootUp over the project's bytecode plus the reviewed JDK model; this stub
 * knows nothing and answers {@link EffectSummary#unknown} for every method.
 */
public final class EffectOracles {

  private EffectOracles() {}

  public static EffectOracle forProject(Project project) {
    return method -> EffectSummary.unknown(method, "no effect analysis yet");
  }
}
