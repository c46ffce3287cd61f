package dev.weft.transformer;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;

/**
 * How to rewrite.
 *
 * @param allowFpReassociation rewrite {@code float}/{@code double} sum and product reductions
 *     (the runtime's fixed-shape combine gives the same bits on every run and thread count, but
 *     possibly not the sequential bits); without it such regions are skipped with a reason
 * @param classpath jars and directories the project compiles against, for the compile check
 * @param compileCheck compile the rewritten sources in-process and drop any file that does not
 *     compile; only tests that exercise a deliberately broken rewrite turn it off
 */
public record RewriteOptions(boolean allowFpReassociation, ImmutableList<Path> classpath, boolean compileCheck) {

  public static RewriteOptions defaults() {
    return new RewriteOptions(false, ImmutableList.of(), true);
  }

  public RewriteOptions withAllowFpReassociation(boolean allow) {
    return new RewriteOptions(allow, classpath, compileCheck);
  }

  public RewriteOptions withClasspath(ImmutableList<Path> cp) {
    return new RewriteOptions(allowFpReassociation, cp, compileCheck);
  }
}
