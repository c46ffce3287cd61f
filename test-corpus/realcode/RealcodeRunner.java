import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.RunWith;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * Runs JUnit 4 test classes with JUnitCore and writes one line per failed test
 * ({@code Class#method}), sorted, so two runs (before and after a rewrite) can be compared test by
 * test. Usage: {@code RealcodeRunner CLASSLIST EXCLUDES FAILURES_OUT}; EXCLUDES lists
 * {@code Class} or {@code Class#method} lines (text after '#' reason separator "--" ignored).
 */
public final class RealcodeRunner {
  public static void main(String[] args) throws Exception {
    List<String> classes = Files.readAllLines(Path.of(args[0]));
    Set<String> excluded = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String entry = line.replaceAll("--.*", "").trim();
      if (!entry.isEmpty() && !entry.startsWith("//")) excluded.add(entry);
    }
    Set<String> failed = new TreeSet<>();
    int[] run = {0};
    JUnitCore core = new JUnitCore();
    core.addListener(new RunListener() {
      @Override public void testFinished(Description d) { run[0]++; }
      @Override public void testFailure(Failure f) {
        Description d = f.getDescription();
        failed.add(d.getClassName() + "#" + d.getMethodName());
        System.err.println("FAIL " + d.getClassName() + "#" + d.getMethodName() + ": " + oneLine(f));
      }
      @Override public void testAssumptionFailure(Failure f) { }
    });
    int classCount = 0;
    for (String name : classes) {
      if (name.isBlank() || excluded.contains(name)) continue;
      Class<?> c;
      try {
        c = Class.forName(name, false, RealcodeRunner.class.getClassLoader());
      } catch (Throwable t) {
        failed.add(name + "#<load>");
        continue;
      }
      if (Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers()) || !isTest(c)) continue;
      classCount++;
      Request request = Request.aClass(c).filterWith(new org.junit.runner.manipulation.Filter() {
        @Override public boolean shouldRun(Description d) {
          return d.getMethodName() == null || !excluded.contains(name + "#" + d.getMethodName());
        }
        @Override public String describe() { return "exclusions"; }
      });
      core.run(request);
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
      for (String f : failed) w.println(f);
    }
    System.out.println("classes=" + classCount + " tests=" + run[0] + " failed=" + failed.size());
    System.exit(0);
  }

  private static boolean isTest(Class<?> c) {
    if (c.isAnnotationPresent(RunWith.class)) return true;
    for (Method m : c.getMethods()) if (m.isAnnotationPresent(org.junit.Test.class)) return true;
    return false;
  }

  private static String oneLine(Failure f) {
    String m = String.valueOf(f.getMessage());
    m = m.replace('\n', ' ');
    return (f.getException() == null ? "" : f.getException().getClass().getName() + " ")
        + (m.length() > 300 ? m.substring(0, 300) : m);
  }
}
