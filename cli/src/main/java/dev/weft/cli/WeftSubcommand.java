package dev.weft.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base for {@code weft} subcommands: the {@code --debug} option and the rule that nothing a user
 * typed ends in a stack trace. Subclasses implement {@link #run()} and throw {@link UserError} for
 * input problems; usage errors ({@link CommandLine.ParameterException}) pass through to picocli,
 * which prints the usage and returns {@link ExitCodes#USAGE}.
 *
 * <p>The handling lives here rather than in a picocli exception handler so that tests running
 * {@code new CommandLine(new WeftCommand()).execute(args)} see exactly what users see.
 */
public abstract class WeftSubcommand implements Callable<Integer> {

  @Spec protected CommandSpec spec;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  /** Does the work; returns the exit code. */
  protected abstract int run() throws Exception;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (UserError e) {
      return Failures.userError(spec.commandLine().getErr(), e.getMessage());
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      return Failures.unexpected(spec.commandLine().getErr(), e, debug());
    }
  }

  /** {@code weft analyze --debug …} or {@code weft --debug analyze …}. */
  protected boolean debug() {
    CommandSpec parent = spec.parent();
    return debug || (parent != null && parent.userObject() instanceof WeftCommand w && w.debug);
  }

  /** Input the user must fix; the message is printed as is after {@code weft: }. */
  /**
   * {@code --classpath} as absolute paths: relative entries are taken from the current directory,
   * as a user typing them expects (the analyzer would otherwise resolve them against the project).
   */
  static ImmutableList<Path> parseClasspath(String classpath) throws UserError {
    if (classpath == null) return ImmutableList.of();
    try {
      return Splitter.on(File.pathSeparatorChar).omitEmptyStrings().trimResults().splitToStream(classpath)
          .map(e -> Path.of(e).toAbsolutePath().normalize()).collect(ImmutableList.toImmutableList());
    } catch (InvalidPathException e) {
      throw new UserError("--classpath: not a valid path: " + e.getInput(), e);
    }
  }

  public static final class UserError extends Exception {
    public UserError(String message) {
      super(message);
    }

    public UserError(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
