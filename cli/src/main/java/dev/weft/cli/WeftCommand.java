package dev.weft.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code weft} command. A new subcommand is one more class in {@code subcommands}
 * below; give it {@link WeftSubcommand} as a base for {@code --debug} and the error handling.
 *
 * <p>Usable without exiting: {@code new CommandLine(new WeftCommand()).setOut(out).setErr(err)
 * .execute(args)} returns the exit code (STYLE.md §8); {@link #newCommandLine()} adds a safety net
 * for exceptions that escape a subcommand, which {@link Main} uses.
 */
@Command(
    name = "weft",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Finds the regions of a Java program that can run in parallel, proves why, and rewrites"
          + " them into calls to the Weft runtime."
    },
    subcommands = {
      AnalyzeCommand.class,
      RewriteCommand.class,
      MeasureCommand.class,
      DemoCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the command ran (for analyze: whatever it found)",
      "1:it could not run: bad input (the message says what), or an internal error",
      "2:usage error: unknown option, missing or malformed argument"
    },
    footer = {"%nRun 'weft COMMAND --help' for a command's options."})
public final class WeftCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      description = "Print stack traces of internal errors (also accepted after the command).")
  boolean debug;

  /** {@code weft} alone: show what there is, and fail as a usage error. */
  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    cl.getErr().println("weft: missing command");
    cl.usage(cl.getErr());
    return ExitCodes.USAGE;
  }

  /** The command line {@link Main} runs; see {@link #newCommandLine(CommandLine.IFactory)}. */
  public static CommandLine newCommandLine() {
    return newCommandLine(CommandLine.defaultFactory());
  }

  /**
   * The command line as users get it: a usage error is two short lines (the problem, and where the
   * help is) instead of picocli's full usage text, and an exception a subcommand lets escape gets
   * the same one-line treatment as in {@link WeftSubcommand}.
   */
  public static CommandLine newCommandLine(CommandLine.IFactory factory) {
    WeftCommand weft = new WeftCommand();
    CommandLine cl = new CommandLine(weft, factory);
    cl.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          PrintWriter err = failed.getErr();
          err.println("weft: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
          err.println(
              "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
          err.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = weft.debug;
          for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            debug |= p.hasMatchedOption("--debug");
          }
          return Failures.unexpected(commandLine.getErr(), e, debug);
        });
    return cl;
  }
}
