package dev.weft.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.analyzer.findings.Region;
import dev.weft.transformer.RewriteResult.RegionOutcome;
import dev.weft.transformer.RewriteResult.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before/after golden files, one or more per rewrite kind: {@code golden/<case>.input} rewritten
 * with the regions in {@code <case>.regions} must equal {@code <case>.output} byte for byte, and
 * must compile (the Rewriter's own compile check runs). Run with {@code -Dweft.golden.update=true}
 * to (re)write the outputs, then read every changed output before committing it.
 */
class GoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".input"))
          .map(n -> n.substring(0, n.length() - ".input".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rewriteMatchesGolden(String name, @TempDir Path dir) throws IOException {
    Golden g = Golden.load(name, dir);
    RewriteResult result = g.rewrite();

    result.rejected().forEach(f -> System.err.println("REJECTED " + f.path() + ":\n" + f.newText()));
    for (int i = 0; i < g.specs.size(); i++) {
      RegionOutcome o = result.regions().get(i);
      String expect = g.specs.get(i).expectSkipped();
      if (expect == null) {
        assertEquals(Status.REWRITTEN, o.status(), name + " region " + i + ": " + o.reason());
      } else {
        assertEquals(Status.SKIPPED, o.status(), name + " region " + i);
        assertTrue(o.reason().contains(expect), name + " region " + i + " reason: " + o.reason());
      }
    }
    String actual = result.files().isEmpty() ? g.input : result.files().get(0).newText();
    Path expectedFile = GOLDEN.resolve(name + ".output");
    if (Boolean.getBoolean("weft.golden.update")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(expectedFile)) fail("no golden output " + expectedFile + "; actual:\n" + actual);
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
  }

  /** One golden case laid out as a one-file project in {@code dir}. */
  static final class Golden {
    final String input;
    final Path dir;
    final String relative;
    final List<RegionSpec.Spec> specs;
    final boolean allowFp;

    private Golden(String input, Path dir, String relative, List<RegionSpec.Spec> specs, boolean allowFp) {
      this.input = input;
      this.dir = dir;
      this.relative = relative;
      this.specs = specs;
      this.allowFp = allowFp;
    }

    static Golden load(String name, Path dir) throws IOException {
      String input = Files.readString(GOLDEN.resolve(name + ".input"), StandardCharsets.UTF_8);
      Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(input);
      Matcher cls = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?(?:class|record|interface|enum)\\s+(\\w+)").matcher(input);
      if (!cls.find()) throw new IllegalStateException(name + ": no top-level class");
      String relative = (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + cls.group(1) + ".java";
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, input, StandardCharsets.UTF_8);
      Path sidecar = GOLDEN.resolve(name + ".regions");
      boolean allowFp = Files.readAllLines(sidecar).stream().anyMatch(l -> l.startsWith("options") && l.contains("allow-fp"));
      return new Golden(input, dir, relative, RegionSpec.read(sidecar, relative), allowFp);
    }

    List<Region> regions() {
      return specs.stream().map(RegionSpec.Spec::region).toList();
    }

    RewriteResult rewrite() throws IOException {
      return new Rewriter(RewriteOptions.defaults().withAllowFpReassociation(allowFp))
          .rewrite(dir, RegionSpec.report(dir, regions()));
    }
  }
}
