package dev.weft.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.WeftCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Shared by the bad-input tests: running weft as a user does, and photographing a tree. */
final class BadInputs {

  private BadInputs() {}

  /** What a user sees: exit code, stdout, stderr. */
  record Run(int code, String out, String err) {
    /** The rule of STYLE.md §8: no stack trace, no exception class names, ever. */
    void assertNoStackTrace() {
      assertFalse(err.contains("\tat "), "no stack trace: " + err);
      assertFalse(err.contains("Exception"), "no exception class names: " + err);
      assertFalse(err.contains("internal error"), "not an internal error: " + err);
    }

    /** Exit 1 with exactly one line on stderr, {@code weft: …}, that contains {@code fragment}. */
    void assertOneLineError(String fragment) {
      assertNoStackTrace();
      assertEquals(1, code, "exit status; stderr: " + err);
      String mine = withoutLibraryNoise(err);
      assertEquals(1, mine.lines().count(), "one line: " + mine);
      assertTrue(mine.startsWith("weft: "), mine);
      assertTrue(mine.contains(fragment), "names " + fragment + ": " + mine);
    }
  }

  /** SLF4J's "no providers" warning comes from a dependency's logging, not from weft. */
  static String withoutLibraryNoise(String err) {
    return String.join("\n", err.lines().filter(l -> !l.startsWith("SLF4J")).toList());
  }

  /** {@code weft args…} in this JVM, exactly as {@code Main} runs it but without exiting. */
  static Run weft(String... args) {
    CommandLine cl = WeftCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A class whose loop calls a library that is not on the classpath: {@code header} goes first (a package line, or ""). */
  static String unresolvedUses(String header) {
    return header + """
        import com.example.nowhere.Gadget;

        public class Uses {
          static long total(int[] a) {
            long s = 0;
            for (int i = 0; i < a.length; i++) {
              s += Gadget.weigh(a[i]);
            }
            return s;
          }
        }
        """;
  }

  /** A program with one DoallLoop and one Reduction (accepted with {@code --min-work 0}). */
  static String sum(String className) {
    return """
        /** A doall loop and a reduction. */
        public class %s {
          public static void main(String[] args) {
            int n = 1000;
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
              a[i] = i * 3;
            }
            long s = 0;
            for (int i = 0; i < n; i++) {
              s += a[i];
            }
            System.out.println(s);
          }
        }
        """.formatted(className);
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Every regular file and link under {@code root} (links not followed), by relative path: a link
   * is recorded as {@code -> target}, so replacing a link by a file shows as a change.
   */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          files.put(rel, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          files.put(rel, hex(Files.readAllBytes(p)));
        }
      }
    }
    return files;
  }

  private static String hex(byte[] bytes) {
    return com.google.common.hash.Hashing.sha256().hashBytes(bytes).toString();
  }
}
