package dev.weft.analyzer.effects;

import static dev.weft.analyzer.effects.TestProjects.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analyzer.project.Project;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle answers model methods without scanning the JDK (no type hierarchy, no eager load). */
class JdkLoadingTest {

  @TempDir Path dir;

  @Test
  void modelAnswersLoadOnlyAHandfulOfClasses() throws Exception {
    Project project = TestProjects.compile(dir, Map.of("p/A.java", """
        package p;
        public class A { public static double f(double x) { return Math.sqrt(x) + Math.abs(x); } }
        """));
    SootUpEffectOracle oracle = SootUpEffectOracle.create(project);
    assertTrue(oracle.summaryOf(method("p.A", "f", "double", "double")).isPure());
    assertEquals("model", oracle.summaryOf(method("java.lang.Math", "sqrt", "double", "double")).source());
    assertEquals("model", oracle.summaryOf(method("java.util.ArrayList", "add", "boolean", "java.lang.Object")).source());
    // The JDK has ~26k classes; the walk up ArrayList's supertypes to the model's Collection#add
    // and the project's own class are all that should load.
    assertTrue(oracle.loadedClasses() < 40, "loaded " + oracle.loadedClasses() + " classes");
  }
}
