package dev.weft.transformer.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * Adds {@code import dev.weft.runtime.Weft;} once, where a person would put it: in name order among
 * the other single-type imports, else after the static imports or the package declaration. Knows
 * when the simple name {@code Weft} is taken, so generated code must spell the class out.
 */
public final class ImportPlacer {

  public static final String RUNTIME_CLASS = "dev.weft.runtime.Weft";

  private ImportPlacer() {}

  /** True when {@code Weft} in this file would name some other class. */
  public static boolean simpleNameTaken(CompilationUnit cu) {
    boolean declared = cu.findAll(TypeDeclaration.class).stream().anyMatch(t -> t.getNameAsString().equals("Weft"));
    boolean importedOther = cu.getImports().stream().anyMatch(i -> !i.isStatic() && !i.isAsterisk()
        && i.getName().getIdentifier().equals("Weft") && !i.getNameAsString().equals(RUNTIME_CLASS));
    return declared || importedOther;
  }

  /** The edit that imports the runtime, or empty when the file already can name it. */
  public static Optional<Edit> importEdit(CompilationUnit cu, SourceFile source) {
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    if (pkg.equals("dev.weft.runtime")) return Optional.empty();
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) continue;
      if (i.getNameAsString().equals(RUNTIME_CLASS) || (i.isAsterisk() && i.getNameAsString().equals("dev.weft.runtime"))) {
        return Optional.empty();
      }
    }
    String line = "import " + RUNTIME_CLASS + ";";
    String eol = source.lineSeparator();
    List<ImportDeclaration> plain = cu.getImports().stream().filter(i -> !i.isStatic()).toList();
    if (!plain.isEmpty()) {
      for (ImportDeclaration i : plain) {
        if (i.getNameAsString().compareTo(RUNTIME_CLASS) > 0) {
          int at = lineStart(source, source.begin(i));
          return Optional.of(new Edit(at, at, line + eol));
        }
      }
      int at = source.end(plain.get(plain.size() - 1));
      return Optional.of(new Edit(at, at, eol + line));
    }
    if (cu.getImports().isNonEmpty()) {
      int at = source.end(cu.getImports().get(cu.getImports().size() - 1));
      return Optional.of(new Edit(at, at, eol + eol + line));
    }
    if (cu.getPackageDeclaration().isPresent()) {
      int at = source.end(cu.getPackageDeclaration().get());
      return Optional.of(new Edit(at, at, eol + eol + line));
    }
    Optional<TypeDeclaration<?>> first = cu.getTypes().getFirst();
    if (first.isEmpty()) return Optional.empty();
    Node anchor = first.get().getComment().map(c -> (Node) c).orElse(first.get());
    int at = lineStart(source, source.begin(anchor));
    return Optional.of(new Edit(at, at, line + eol + eol));
  }

  private static int lineStart(SourceFile source, int offset) {
    String t = source.text();
    int i = offset;
    while (i > 0 && t.charAt(i - 1) != '\n' && t.charAt(i - 1) != '\r') i--;
    return i;
  }
}
