package dev.weft.analyzer.effects;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.project.Project;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources with javax.tools into a directory and wraps them as a Project. */
final class TestProjects {

  private TestProjects() {}

  static Project compile(Path root, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(root.resolve("src"));
    Path classes = Files.createDirectories(root.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      files.add(file);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        errors.write(b);
      }
    }), args.toArray(String[]::new));
    assertTrue(rc == 0, "javac failed: " + errors);
    return new Project(
        root, ImmutableList.of(src), ImmutableList.copyOf(files), ImmutableList.of(), ImmutableList.of(classes));
  }

  static MethodRef method(String owner, String name, String returnType, String... params) {
    return new MethodRef(owner, name, ImmutableList.copyOf(params), returnType);
  }
}
