package dev.weft.transformer.output;

import dev.weft.transformer.RewriteResult.FileChange;
import dev.weft.transformer.check.CompileCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How rewritten code links the runtime: its Maven coordinates and where its jar is, and the edit
 * that adds the dependency to a project's {@code pom.xml} (text edit, the rest of the pom kept).
 */
public final class RuntimeDependency {

  public static final String GROUP = "dev.weft";
  public static final String ARTIFACT = "weft-runtime";
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private RuntimeDependency() {}

  /** What to tell the user after a rewrite. */
  /** After {@code --add-dependency}: the pom declares the runtime (added now, or there already). */
  public static String declared() {
    return "The rewritten code calls the Weft runtime: pom.xml declares " + GROUP + ":" + ARTIFACT + ":" + VERSION + ".";
  }

  public static String howToLink() {
    return "The rewritten code calls the Weft runtime: add the Maven dependency " + GROUP + ":" + ARTIFACT + ":"
        + VERSION + " (weft rewrite --add-dependency does it), or put " + CompileCheck.runtimeLocation()
        + " on the classpath.";
  }

  /**
   * The pom with the runtime added to the project's own {@code <dependencies>} (created before
   * {@code <build>} or {@code </project>} when missing); empty when it is there already or the
   * file has no {@code <project>}.
   */
  public static Optional<FileChange> addTo(Path root, Path pom) throws IOException {
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    if (text.contains("<artifactId>" + ARTIFACT + "</artifactId>")) return Optional.empty();
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    // Blank out (same length, so offsets stay) the places whose <dependencies> are not the project's.
    String withoutManagement = blank(text, "(?s)<dependencyManagement>.*?</dependencyManagement>");
    withoutManagement = blank(withoutManagement, "(?s)<(plugin|profile)>.*?</\\1>");
    Matcher deps = Pattern.compile("([ \\t]*)</dependencies>").matcher(withoutManagement);
    String updated;
    if (deps.find()) {
      String indent = deps.group(1);
      String inner = indent + indentUnit(text);
      String entry = inner + "<dependency>" + eol
          + inner + indentUnit(text) + "<groupId>" + GROUP + "</groupId>" + eol
          + inner + indentUnit(text) + "<artifactId>" + ARTIFACT + "</artifactId>" + eol
          + inner + indentUnit(text) + "<version>" + VERSION + "</version>" + eol
          + inner + "</dependency>" + eol;
      updated = text.substring(0, deps.start()) + entry + text.substring(deps.start());
    } else {
      Matcher anchor = Pattern.compile("([ \\t]*)(<build>|</project>)").matcher(withoutManagement);
      if (!anchor.find()) return Optional.empty();
      String unit = indentUnit(text);
      String indent = anchor.group(2).equals("</project>") ? unit : anchor.group(1);
      String block = indent + "<dependencies>" + eol
          + indent + unit + "<dependency>" + eol
          + indent + unit + unit + "<groupId>" + GROUP + "</groupId>" + eol
          + indent + unit + unit + "<artifactId>" + ARTIFACT + "</artifactId>" + eol
          + indent + unit + unit + "<version>" + VERSION + "</version>" + eol
          + indent + unit + "</dependency>" + eol
          + indent + "</dependencies>" + eol;
      updated = text.substring(0, anchor.start()) + block + (anchor.group(2).equals("</project>") ? "" : eol)
          + text.substring(anchor.start());
    }
    String relative = root.relativize(pom).toString().replace(java.io.File.separatorChar, '/');
    return Optional.of(new FileChange(relative, text, updated, StandardCharsets.UTF_8, false));
  }

  private static String blank(String text, String regex) {
    return Pattern.compile(regex).matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
  }

  private static String indentUnit(String pom) {
    Matcher m = Pattern.compile("\\n([ \\t]+)<").matcher(pom);
    return m.find() ? m.group(1) : "  ";
  }
}
