package dev.weft.analyzer.effects;

import dev.weft.analyzer.project.Project;

/** Builds the effect oracle for a project. */
public final class EffectOracles {

  private EffectOracles() {}

  /**
   * SootUp over the project's classes and classpath plus the reviewed JDK model. Building is cheap
   * (classes load on demand); each answer is computed once and cached.
   */
  public static EffectOracle forProject(Project project) {
    return SootUpEffectOracle.create(project);
  }
}
