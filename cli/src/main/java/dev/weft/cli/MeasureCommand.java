package dev.weft.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.weft.cli.measure.MeasureException;
import dev.weft.cli.measure.MeasureReport;
import dev.weft.cli.measure.MeasureSpec;
import dev.weft.cli.measure.Measurement;
import dev.weft.cli.measure.Measurer;
import dev.weft.cli.measure.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft measure DIR --main CLASS}: the program before and after the rewrite, side by side:
 * same output, and how much faster. The work is in {@link Measurer}; this class is the options.
 */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Analyses the program under DIR, rewrites its proven regions into a temporary copy (DIR is"
          + " never written), compiles both versions and runs them alternately, each in its own"
          + " JVM. Checks that every run prints the same stdout and exits with the same status,"
          + " then prints the median wall and CPU times, the speed-up and its spread.",
      "Progress goes to stderr; the table (or --json) to stdout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:both versions behaved the same in every run; the speed-up is reported",
      "1:the outputs or exit statuses differ (no speed-up is reported), or the measurement could"
          + " not run (the message says why)",
      "2:usage error: unknown option, missing or malformed argument"
    })
public final class MeasureCommand extends WeftSubcommand {

  @Parameters(paramLabel = "DIR", description = "The program's sources (a project or a source root).")
  Path directory;

  @Option(
      names = "--main",
      required = true,
      paramLabel = "CLASS",
      description = "The class whose main method runs, fully qualified.")
  String mainClass;

  @Option(
      names = "--args",
      paramLabel = "ARGS",
      description =
          "Arguments for the program, separated by spaces (repeatable: each adds more; no quoting).")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed runs of each version, after one warm-up run of each (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads of the Weft runtime (default: one per core).")
  Integer workers;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(
      names = "--allow-fp-reassoc",
      description =
          "Also rewrite float/double sums and products; their last bits may change, in which case"
              + " the outputs may differ and no speed-up is reported.")
  boolean allowFpReassoc;

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description =
          "Jars and class directories the program compiles and runs against, separated by ':'"
              + " (';' on Windows).")
  String classpath;

  private final Measurer.Analysis analysis;
  private final Measurer.Rewrite rewrite;

  public MeasureCommand() {
    this(Measurer.ANALYZER, Measurer.REWRITER);
  }

  /** With stand-ins for the analyzer and the transformer: for tests. */
  MeasureCommand(Measurer.Analysis analysis, Measurer.Rewrite rewrite) {
    this.analysis = analysis;
    this.rewrite = rewrite;
  }

  @Override
  protected int run() throws Exception {
    MeasureSpec what = measureSpec();
    InputCheck.directory(directory, "the program's directory");
    InputCheck.hasJavaFiles(List.of(directory));
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, System.console() != null);
    Measurement m;
    try {
      m = new Measurer(analysis, rewrite, progress.prefixed("")).measure(what);
    } catch (MeasureException e) {
      throw new UserError(e.getMessage(), e);
    } finally {
      progress.done();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? MeasureReport.json(m) : MeasureReport.text(m));
    out.flush();
    if (!m.identical()) {
      return Failures.userError(err, "the rewritten program did not behave as the original ("
          + m.difference().run() + "): no speed-up reported");
    }
    return ExitCodes.OK;
  }

  private MeasureSpec measureSpec() throws UserError {
    if (runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 or more, not " + runs);
    }
    if (workers != null && workers < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--workers must be 1 or more, not " + workers);
    }
    ImmutableList<String> programArgs = args.stream()
        .flatMap(a -> Splitter.onPattern("\\s+").omitEmptyStrings().splitToStream(a))
        .collect(ImmutableList.toImmutableList());
    return new MeasureSpec(directory, mainClass, programArgs, runs,
        workers == null ? OptionalInt.empty() : OptionalInt.of(workers), allowFpReassoc, parseClasspath(classpath));
  }


}
