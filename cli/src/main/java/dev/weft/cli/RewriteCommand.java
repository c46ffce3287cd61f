package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: {@code weft rewrite} is implemented by the transformer (issue 4). */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    description = "Rewrites the proven regions into calls to the Weft runtime (not built yet).")
public final class RewriteCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("weft: rewrite is not built yet");
    return ExitCodes.FAILED;
  }
}
