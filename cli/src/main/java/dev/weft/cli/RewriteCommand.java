package dev.weft.cli;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.AnalysisException;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.Report;
import dev.weft.transformer.RewriteOptions;
import dev.weft.transformer.RewriteResult;
import dev.weft.transformer.RewriteResult.FileChange;
import dev.weft.transformer.RewriteResult.RegionOutcome;
import dev.weft.transformer.RewriteResult.Status;
import dev.weft.transformer.Rewriter;
import dev.weft.transformer.output.RuntimeDependency;
import dev.weft.transformer.output.TreeWriter;
import dev.weft.transformer.output.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft rewrite DIR}: rewrites the regions the analyzer proved into calls to the Weft
 * runtime. By default prints the unified diff and writes nothing (a dry run); {@code --patch},
 * {@code --write} and {@code --out} choose where the result goes instead.
 */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Rewrites the regions of the Java sources under DIR that can run in parallel into calls to"
          + " the Weft runtime, and compiles the result to check it. Without --patch, --write or"
          + " --out it prints the unified diff and changes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the rewrite ran (regions it could not rewrite are listed with the reason)",
      "1:it could not run (a missing directory, no Java files, an unwritable output), or a"
          + " rewrite did not compile: a Weft bug, reported and never written",
      "2:usage error: unknown option, missing or malformed argument, conflicting outputs"
    })
public final class RewriteCommand extends WeftSubcommand {

  /** The analysis, replaceable in tests. */
  @FunctionalInterface
  interface Analysis {
    Report run(AnalysisOptions options, Path directory) throws AnalysisException;
  }

  @Parameters(paramLabel = "DIR", description = "The project to rewrite (as for weft analyze).")
  Path directory;

  @Option(names = "--patch", paramLabel = "FILE", description = "Write the unified diff to FILE instead of printing it.")
  Path patch;

  @Option(names = "--write", description = "Rewrite the files under DIR in place (each replaced atomically). A file reached through a"
      + " symbolic link is left as it is; a read-only file or directory stops the run before anything changes.")
  boolean write;

  @Option(names = "--out", paramLabel = "OUTDIR", description = "Write a copy of DIR, rewritten, to OUTDIR; DIR is not changed.")
  Path out;

  @Option(
      names = "--allow-fp-reassoc",
      description = "Also rewrite float/double sums and products: the parallel result is the same on every run but"
          + " may differ in the last bits from the sequential one.")
  boolean allowFpReassoc;

  @Option(names = "--add-dependency", description = "Add " + RuntimeDependency.GROUP + ":" + RuntimeDependency.ARTIFACT
      + ":" + RuntimeDependency.VERSION + " to DIR/pom.xml (shown in the diff like any other change).")
  boolean addDependency;

  @Option(names = "--source-root", paramLabel = "DIR", description = "A directory of Java sources to analyse instead of the detected ones (repeatable).")
  List<Path> sourceRoots = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Jars and class directories the sources compile against, separated by ':' (';' on Windows).")
  String classpath;

  @Option(names = "--min-work", paramLabel = "N", defaultValue = "" + AnalysisOptions.DEFAULT_MIN_WORK,
      description = "Leave regions whose estimated work is below N operations (default: ${DEFAULT-VALUE}).")
  long minWork;

  private final Analysis analysis;

  public RewriteCommand() {
    this((options, dir) -> new Analyzer(options).analyze(dir));
  }

  RewriteCommand(Analysis analysis) {
    this.analysis = analysis;
  }

  @Override
  protected int run() throws Exception {
    int outputs = (patch != null ? 1 : 0) + (write ? 1 : 0) + (out != null ? 1 : 0);
    if (outputs > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "choose one of --patch, --write and --out");
    }
    if (minWork < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--min-work must be 0 or more, not " + minWork);
    InputCheck.directory(directory, "the directory to rewrite");
    InputCheck.hasJavaFiles(sourceRoots.isEmpty() ? List.of(directory) : sourceRoots);
    if (patch != null) AtomicFiles.checkWritable(patch);
    Path pom = directory.resolve("pom.xml");
    if (addDependency && !Files.isRegularFile(pom)) throw new UserError("--add-dependency: no pom.xml in " + directory);
    if (out != null && out.toAbsolutePath().normalize().startsWith(directory.toAbsolutePath().normalize())) {
      throw new UserError("--out " + out + " is inside " + directory + ": choose a directory outside the project");
    }

    ImmutableList<Path> cp = classpath();
    Report report;
    try {
      report = analysis.run(new AnalysisOptions(ImmutableList.copyOf(sourceRoots), cp, allowFpReassoc, minWork), directory);
    } catch (AnalysisException e) {
      throw new UserError(e.getMessage(), e);
    }
    RewriteResult result = new Rewriter(new RewriteOptions(allowFpReassoc, cp, true)).rewrite(directory, report);
    List<FileChange> changes = new ArrayList<>(result.files());
    if (addDependency && !result.files().isEmpty()) {
      RuntimeDependency.addTo(directory.toAbsolutePath().normalize(), pom.toAbsolutePath().normalize()).ifPresent(changes::add);
    }

    PrintWriter stdout = spec.commandLine().getOut();
    // In the default mode stdout carries the patch alone, so `weft rewrite DIR > x.patch` works.
    PrintWriter summary = patch == null && !write && out == null ? spec.commandLine().getErr() : stdout;
    ImmutableList<String> notWritten = ImmutableList.of();
    if (write) {
      InPlaceWrite.Plan plan = InPlaceWrite.plan(directory.toAbsolutePath().normalize(), changes);
      changes = new ArrayList<>(plan.writes());
      notWritten = plan.notWritten();
    }
    String diff = UnifiedDiff.of(changes);
    try {
      if (patch != null) {
        AtomicFiles.write(patch, diff);
      } else if (write) {
        InPlaceWrite.write(directory.toAbsolutePath().normalize(), changes);
      } else if (out != null) {
        TreeWriter.writeCopy(directory, out, changes);
      } else {
        stdout.print(diff);
        stdout.flush();
      }
    } catch (IOException e) {
      throw new UserError("cannot write the rewrite: " + Failures.describeIo(e), e);
    }
    notWritten.forEach(summary::println);
    printSummary(summary, report, result, changes.size());
    return result.hasFailures() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void printSummary(PrintWriter w, Report report, RewriteResult result, int files) {
    notRewritten(report, result).forEach(w::println);
    for (RegionOutcome o : result.regions()) {
      String where = o.region().location() + " " + o.region().kind().id();
      switch (o.status()) {
        case REWRITTEN -> w.println(where + ": rewritten (" + o.rewrite() + ")");
        case ALREADY_REWRITTEN -> w.println(where + ": already rewritten");
        case SKIPPED -> w.println(where + ": not rewritten: " + o.reason());
        case FAILED -> w.println(where + ": NOT WRITTEN, a Weft bug (please report it): " + o.reason());
      }
    }
    String action = patch != null ? "patch written to " + patch : write ? "files rewritten in place"
        : out != null ? "rewritten copy written to " + out : "dry run, nothing written";
    w.println(result.count(Status.REWRITTEN) + " of " + Plural.of(result.regions().size(), "region") + " rewritten, "
        + Plural.of(files, "file") + " changed (" + action + ").");
    if (result.count(Status.REWRITTEN) > 0) w.println(addDependency ? RuntimeDependency.declared() : RuntimeDependency.howToLink());
    w.flush();
  }

  /**
   * One line for each file the analysis reported as a problem, so that a file left alone is not
   * left unexplained: "Broken.java:2: not rewritten: does not parse: ...". A file javac also
   * rejected has several problems; the analyzer's own (does not parse, not UTF-8, cannot read)
   * comes first, since javac's follow from it, and weft analyze lists them all. Sorted as weft
   * analyze sorts them (by file). A file the rewriter changed anyway gets no line.
   */
  private static ImmutableList<String> notRewritten(Report report, RewriteResult result) {
    Set<String> changed = result.files().stream().map(FileChange::path).collect(Collectors.toSet());
    Map<String, FileProblem> byFile = new TreeMap<>();
    for (FileProblem p : report.problems()) {
      if (changed.contains(p.file())) continue;
      byFile.merge(p.file(), p, (kept, other) -> fromJavac(kept) && !fromJavac(other) ? other : kept);
    }
    return byFile.values().stream()
        .map(p -> p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": not rewritten: " + p.message())
        .collect(ImmutableList.toImmutableList());
  }

  /** The text InProcessCompiler gives javac's errors. TODO: a kind in FileProblem instead of its text. */
  private static boolean fromJavac(FileProblem p) {
    return p.message().startsWith("does not compile:");
  }

  private ImmutableList<Path> classpath() throws UserError {
    return parseClasspath(classpath);
  }

}
