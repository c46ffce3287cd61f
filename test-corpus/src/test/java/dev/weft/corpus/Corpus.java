package dev.weft.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the corpus lives, whether tests run from the module directory or from the repository root. */
public final class Corpus {

  private Corpus() {}

  public static Path programsDir() {
    for (String candidate : new String[] {"programs", "test-corpus/programs"}) {
      Path p = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isRegularFile(p.resolve("programs.txt"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "test-corpus/programs/programs.txt not found from " + Path.of("").toAbsolutePath());
  }
}
