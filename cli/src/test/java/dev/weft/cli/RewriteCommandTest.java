package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.Analyzer;
import dev.weft.analyzer.findings.FileProblem;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.cli.AnalyzeCommandTest.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code weft rewrite --write} says about files it leaves alone, with a stand-in analysis
 * that reports what a test needs: a region that is not safe, or a problem in a file it rewrites.
 */
class RewriteCommandTest {

  @TempDir Path tmp;

  private static Run rewrite(RewriteCommand.Analysis analysis, Path dir, String... more) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            return cls == RewriteCommand.class
                ? cls.cast(new RewriteCommand(analysis))
                : CommandLine.defaultFactory().create(cls);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = WeftCommand.newCommandLine(factory);
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    List<String> args = new java.util.ArrayList<>(List.of("rewrite", dir.toString(), "--write", "--min-work", "0"));
    args.addAll(List.of(more));
    int code = cl.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static Report report(Path root, List<Region> regions, List<FileProblem> problems) {
    return new Report(root.toString(), 1, ImmutableList.copyOf(regions), ImmutableList.of(),
        ImmutableList.copyOf(problems), ImmutableSortedMap.of(), 0);
  }

  /**
   * A region the analyzer would never accept (the body increments a local) gives a rewrite that
   * does not compile: it is reported as a Weft bug and not written, as before, next to the line
   * for a file the analysis could not use.
   */
  @Test
  void aRewriteThatDoesNotCompileIsStillReportedAsAWeftBug() throws Exception {
    String source = "class Count {\n  static int count(int[] a) {\n    int n = 0;\n"
        + "    for (int i = 0; i < a.length; i++) {\n      n++;\n    }\n    return n;\n  }\n}\n";
    Path count = Files.writeString(tmp.resolve("Count.java"), source);
    Region bogus = new Region(RegionKind.DOALL_LOOP, new SourceLocation("Count.java", 4, 0), "Count.count(int[])",
        100_000, 10, null, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), false);
    Run r = rewrite((options, dir) -> report(dir, List.of(bogus), List.of(new FileProblem("Bad.java", 0, "not UTF-8"))), tmp);
    assertEquals(ExitCodes.FAILED, r.code(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("Bad.java: not rewritten: not UTF-8", lines.get(0), r.out());
    assertTrue(lines.get(1).startsWith("Count.java:4 DoallLoop: NOT WRITTEN, a Weft bug (please report it): "), r.out());
    assertEquals("0 of 1 region rewritten, 0 files changed (files rewritten in place).", lines.get(2), r.out());
    assertEquals(source, Files.readString(count));
  }

  /**
   * The summary's last line says how the rewritten code gets the runtime: with
   * {@code --add-dependency} the pom now declares it, and the line says so instead of asking for it.
   */
  @Test
  void theSummarySaysWhetherThePomDeclaresTheRuntime() throws Exception {
    String sum = """
        public class Sum {
          static void fill(int[] a) {
            for (int i = 0; i < a.length; i++) {
              a[i] = i * 3;
            }
          }
        }
        """;
    String pom = "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>g</groupId>\n  <artifactId>a</artifactId>\n"
        + "  <version>1</version>\n</project>\n";
    for (boolean add : new boolean[] {false, true}) {
      Path dir = Files.createDirectories(tmp.resolve(add ? "added" : "plain"));
      Files.writeString(dir.resolve("pom.xml"), pom);
      Files.createDirectories(dir.resolve("src/main/java"));
      Files.writeString(dir.resolve("src/main/java/Sum.java"), sum);
      Run r = add ? rewrite((options, d) -> new Analyzer(options).analyze(d), dir, "--add-dependency")
          : rewrite((options, d) -> new Analyzer(options).analyze(d), dir);
      assertEquals(0, r.code(), r.out() + r.err());
      List<String> lines = r.out().lines().toList();
      String last = lines.get(lines.size() - 1);
      if (add) {
        assertEquals("The rewritten code calls the Weft runtime: pom.xml declares dev.weft:weft-runtime:0.1.0-SNAPSHOT.", last, r.out());
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<artifactId>weft-runtime</artifactId>"));
      } else {
        assertTrue(last.startsWith("The rewritten code calls the Weft runtime: add the Maven dependency dev.weft:weft-runtime:"), r.out());
        assertEquals(pom, Files.readString(dir.resolve("pom.xml")));
      }
    }
  }

  /**
   * A project that does not compile here because of another file (a dependency missing from the
   * classpath, as Joda-Time's optional joda-convert): the rewrite cannot be verified and says so,
   * for every file, with the hint to pass the classpath. It once blamed itself for the file whose
   * own error was not there ("NOT WRITTEN, a Weft bug"), when a second rewritten file had an error
   * of its own: the other file's error was then met again by the rewritten check. As with Joda-Time
   * and its jar, the library's classes are on the classpath, built before the source lost its import.
   */
  @Test
  void anotherFileThatDoesNotCompileLeavesTheRewriteUnverifiedNotBlamed() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src/p"));
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Path zone = src.resolve("Zone.java");
    Files.writeString(zone, "package p;\n\npublic class Zone {\n  public static int scale(int x) {\n    return x * 3;\n  }\n}\n");
    assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), zone.toString()));
    Files.writeString(zone, "package p;\n\nimport org.nope.FromString;\n\npublic class Zone {\n  @FromString\n"
        + "  public static int scale(int x) {\n    return x * 3;\n  }\n}\n");
    Files.writeString(src.resolve("Fill.java"), "package p;\n\npublic class Fill {\n  public static void fill(int[] a) {\n"
        + "    for (int i = 0; i < a.length; i++) {\n      a[i] = Zone.scale(i);\n    }\n  }\n}\n");
    Files.writeString(src.resolve("Broken.java"), "package p;\n\nimport org.nope.Missing;\n\npublic class Broken {\n"
        + "  public static void fill(int[] a) {\n    for (int i = 0; i < a.length; i++) {\n      a[i] = i * 7;\n    }\n  }\n}\n");
    Run r = rewrite((options, d) -> new Analyzer(options).analyze(d), tmp.resolve("src"), "--classpath", classes.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("NOT WRITTEN"), r.out());
    assertTrue(r.out().contains("p/Fill.java:5 DoallLoop: not rewritten: cannot verify the rewrite: the original does not compile here "
        + "(another file does not compile: "), r.out());
    assertTrue(r.out().contains("Zone.java=line 3: package org.nope does not exist); pass the project's classpath"), r.out());
    assertTrue(r.out().contains("p/Broken.java:7 DoallLoop: not rewritten: cannot verify the rewrite: the original does not compile here "
        + "(line 3: package org.nope does not exist)"), r.out());
    assertTrue(r.out().contains("0 of 2 regions rewritten, 0 files changed (files rewritten in place)."), r.out());
  }

  /** A problem in a file the rewrite changed anyway (its regions were proven) claims nothing. */
  @Test
  void aFileThatWasRewrittenIsNotListedAsLeftAlone() throws Exception {
    Files.writeString(tmp.resolve("Sum.java"), """
        public class Sum {
          static void fill(int[] a) {
            for (int i = 0; i < a.length; i++) {
              a[i] = i * 3;
            }
          }
        }
        """);
    Run r = rewrite((options, dir) -> {
      Report real = new Analyzer(options).analyze(dir);
      return report(dir, real.regions(), List.of(new FileProblem("Sum.java", 3, "does not compile: stand-in")));
    }, tmp);
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("not rewritten"), r.out());
    assertTrue(r.out().contains("1 of 1 region rewritten, 1 file changed (files rewritten in place)."), r.out());
  }
}
