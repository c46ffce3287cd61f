package dev.weft.cli;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.report.JsonReport;
import dev.weft.analyzer.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft analyze DIR}: every region that can run in parallel, and why every other loop cannot.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists the regions of the Java sources under DIR that can run in parallel, with the facts"
          + " that prove it, and every loop or candidate that cannot, with its blockers and a hint."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the analysis ran, whatever it found",
      "1:the analysis could not run (a missing directory, no Java files, ...: the message says"
          + " what), or an internal error",
      "2:usage error: unknown option, missing or malformed argument"
    })
public final class AnalyzeCommand extends WeftSubcommand {

  /** The analysis, replaceable in tests (the Analyzer itself is final). */
  @FunctionalInterface
  interface Analysis {
    Report run(AnalysisOptions options, Path directory) throws AnalysisException;
  }

  enum Format {
    text,
    json
  }

  @Parameters(
      paramLabel = "DIR",
      description =
          "The project to analyse: a Maven or Gradle project (src/main/java, modules) or a plain"
              + " source root. Paths in the report are relative to it.")
  Path directory;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (for a person, the default) or json (for tools: see the README).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output (replaced atomically: never"
              + " half-written).")
  Path output;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description =
          "A directory of Java sources to analyse instead of the detected ones (repeatable).")
  List<Path> sourceRoots = new ArrayList<>();

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description =
          "Jars and class directories the sources compile against, separated by ':' (';' on"
              + " Windows).")
  String classpath;

  @Option(
      names = "--allow-fp-reassoc",
      description =
          "Accept float/double sums and products: the parallel result may differ in the last"
              + " bits (it is reproducible run to run).")
  boolean allowFpReassoc;

  @Option(
      names = "--min-work",
      paramLabel = "N",
      defaultValue = "" + AnalysisOptions.DEFAULT_MIN_WORK,
      description =
          "Reject regions whose estimated work is below N operations (default: ${DEFAULT-VALUE}).")
  long minWork;

  private final Analysis analysis;

  public AnalyzeCommand() {
    this((options, dir) -> new Analyzer(options).analyze(dir));
  }

  AnalyzeCommand(Analysis analysis) {
    this.analysis = analysis;
  }

  @Override
  protected int run() throws Exception {
    if (minWork < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--min-work must be 0 or more, not " + minWork);
    }
    // Everything that needs no analysis is checked first: a typo should not cost a run.
    InputCheck.directory(directory, "the directory to analyse");
    for (Path root : sourceRoots) InputCheck.directory(root, "--source-root");
    InputCheck.hasJavaFiles(sourceRoots.isEmpty() ? List.of(directory) : sourceRoots);
    if (output != null) AtomicFiles.checkWritable(output);

    Report report;
    try {
      report = analysis.run(options(), directory);
    } catch (AnalysisException e) {
      throw new UserError(e.getMessage(), e);
    }

    String rendered =
        switch (format) {
          case text -> TextReport.render(report);
          case json -> JsonReport.toJson(report);
        };
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(rendered);
      out.flush();
    } else {
      try {
        AtomicFiles.write(output, rendered);
      } catch (IOException e) {
        throw new UserError("cannot write to " + output + ": " + Failures.describeIo(e), e);
      }
    }
    return ExitCodes.OK;
  }

  private AnalysisOptions options() throws UserError {
    ImmutableList<Path> cp = parseClasspath(classpath);
    return new AnalysisOptions(ImmutableList.copyOf(sourceRoots), cp, allowFpReassoc, minWork);
  }
}
