package dev.weft.cli;

import com.google.common.collect.ImmutableList;
import dev.weft.cli.measure.DemoProgram;
import dev.weft.cli.measure.DemoReport;
import dev.weft.cli.measure.DemoRow;
import dev.weft.cli.measure.MeasureException;
import dev.weft.cli.measure.MeasureSpec;
import dev.weft.cli.measure.Measurement;
import dev.weft.cli.measure.Measurer;
import dev.weft.cli.measure.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft demo}: {@code weft measure} over the bundled benchmark kernels (the manifest lines of
 * {@code test-corpus/programs/programs.txt} that give a {@code demo=} size), and their
 * geometric-mean speed-up.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measures the bundled benchmark programs (test-corpus/programs, those with a demo= size in"
          + " programs.txt) before and after the rewrite, as 'weft measure' does, and prints one"
          + " row per program and the geometric-mean speed-up. The last line is always"
          + " 'weft-demo programs=N identical=N geomean_speedup=X.XX'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every program printed the same output before and after the rewrite",
      "1:some program's output differed or it could not be measured (its row says why), or the"
          + " corpus was not found",
      "2:usage error: unknown option, missing or malformed argument"
    })
public final class DemoCommand extends WeftSubcommand {

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Timed runs of each version of each program (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--json", description = "Print one JSON object, then the summary line.")
  boolean json;

  @Option(
      names = "--programs",
      paramLabel = "NAME",
      split = ",",
      description =
          "Only these programs (directory names under test-corpus/programs, comma-separated; a"
              + " program without a demo size runs with its default arguments).")
  List<String> programs = new ArrayList<>();

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads of the Weft runtime (default: one per core).")
  Integer workers;

  @Option(
      names = "--allow-fp-reassoc",
      description = "Also rewrite float/double sums and products (see 'weft measure --help').")
  boolean allowFpReassoc;

  private final Measurer.Analysis analysis;
  private final Measurer.Rewrite rewrite;

  public DemoCommand() {
    this(Measurer.ANALYZER, Measurer.REWRITER);
  }

  /** With stand-ins for the analyzer and the transformer: for tests. */
  DemoCommand(Measurer.Analysis analysis, Measurer.Rewrite rewrite) {
    this.analysis = analysis;
    this.rewrite = rewrite;
  }

  @Override
  protected int run() throws Exception {
    if (runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 or more, not " + runs);
    }
    if (workers != null && workers < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--workers must be 1 or more, not " + workers);
    }
    Path manifest = DemoProgram.locateManifest(System.getProperty("weft.home"), Path.of(""))
        .orElseThrow(() -> new UserError("cannot find the bundled programs (" + DemoProgram.MANIFEST
            + "): run weft demo from a clone of the Weft repository, through its ./weft launcher"));
    List<DemoProgram> selected = select(readManifest(manifest));

    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, System.console() != null);
    List<DemoRow> rows = new ArrayList<>();
    try {
      for (int i = 0; i < selected.size(); i++) {
        DemoProgram p = selected.get(i);
        ImmutableList<String> args = p.isDemo() ? p.demoArgs() : p.args();
        String prefix = "[" + (i + 1) + "/" + selected.size() + " " + p.dir() + "] ";
        MeasureSpec what = new MeasureSpec(manifest.resolveSibling(p.dir()), p.mainClass(), args, runs,
            workers == null ? OptionalInt.empty() : OptionalInt.of(workers), allowFpReassoc, ImmutableList.of());
        try {
          Measurement m = new Measurer(analysis, rewrite, progress.prefixed(prefix)).measure(what);
          rows.add(DemoRow.measured(p, args, m));
          progress.show(prefix + (m.identical()
              ? String.format(Locale.ROOT, "identical output, %.2fx", m.speedup().getAsDouble())
              : "DIFFERENT output (" + m.difference().run() + ")"));
        } catch (MeasureException e) {
          // One program that cannot be measured should not hide the others' results.
          rows.add(DemoRow.failed(p, args, e.getMessage()));
          progress.show(prefix + "could not be measured: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
          // A bug (or a jar rebuilt under a running weft) on one program: report it, go on.
          String message = Failures.describe(e);
          rows.add(DemoRow.failed(p, args, message));
          progress.show(prefix + message);
          if (debug()) e.printStackTrace(err);
        }
      }
    } finally {
      progress.done();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? DemoReport.json(rows, runs, cores) : DemoReport.text(rows, runs, cores));
    out.flush();
    return rows.stream().allMatch(DemoRow::identical) ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static List<DemoProgram> readManifest(Path manifest) throws UserError {
    try {
      return DemoProgram.read(manifest);
    } catch (IOException e) {
      throw new UserError("cannot read " + manifest + ": " + Failures.describeIo(e), e);
    } catch (IllegalArgumentException e) {
      throw new UserError(manifest + ": " + e.getMessage(), e);
    }
  }

  /** The demo kernels, or the programs named by {@code --programs}, in the order given. */
  private List<DemoProgram> select(List<DemoProgram> all) throws UserError {
    if (programs.isEmpty()) {
      List<DemoProgram> demos = all.stream().filter(DemoProgram::isDemo).toList();
      if (demos.isEmpty()) throw new UserError("no program in the manifest has a demo= size");
      return demos;
    }
    List<DemoProgram> chosen = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : programs) {
      if (!seen.add(name.strip())) continue;
      DemoProgram p = all.stream().filter(q -> q.dir().equals(name.strip())).findFirst()
          .orElseThrow(() -> new UserError("--programs: no program '" + name.strip() + "'; the demo programs are: "
              + String.join(", ", all.stream().filter(DemoProgram::isDemo).map(DemoProgram::dir).toList())));
      chosen.add(p);
    }
    return chosen;
  }
}
