package dev.weft.analyzer.effects;

/**
 * Answers "what may this call do?" for project, library and JDK methods alike. Implementations
 * never assume an unknown method pure: they return {@link EffectSummary#unknown} instead, and never
 * throw. Thread-safe: analysis of files runs in parallel.
 */
public interface EffectOracle {

  /**
   * The effect of calling {@code method}. For a virtual call the answer covers every override the
   * oracle knows of in the project (and the JDK model's declared contract for library types).
   */
  EffectSummary summaryOf(MethodRef method);
}
