package dev.weft.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime takes no lock and depends on nothing but the JDK. */
class ArchitectureTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.weft.runtime");

  @Test
  void noSynchronizedMethods() {
    methods().that().areDeclaredInClassesThat().resideInAPackage("dev.weft.runtime..")
        .should().notHaveModifier(JavaModifier.SYNCHRONIZED)
        .check(RUNTIME);
  }

  @Test
  void noLocksButLockSupport() {
    noClasses().should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe("are in java.util.concurrent.locks other than LockSupport",
                c -> c.getPackageName().equals("java.util.concurrent.locks") && !c.getSimpleName().equals("LockSupport")))
        .check(RUNTIME);
  }

  @Test
  void dependsOnlyOnTheJdk() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.weft.runtime..")
        .check(RUNTIME);
  }

  /** ArchUnit does not see monitorenter; the keyword cannot appear in the sources either. */
  @Test
  void noSynchronizedBlocks() throws IOException {
    Pattern keyword = Pattern.compile("\\bsynchronized\\b");
    Path root = Path.of("src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> keyword.matcher(code(f)).find())
          .map(Path::toString)
          .collect(Collectors.toList());
    }
    assertEquals(List.of(), offenders);
  }

  /** Source text without comments and string literals. */
  private static String code(Path f) {
    try {
      return Files.readString(f)
          .replaceAll("(?s)/\\*.*?\\*/", "")
          .replaceAll("//[^\\n]*", "")
          .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
