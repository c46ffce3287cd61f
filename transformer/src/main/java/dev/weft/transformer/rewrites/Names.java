package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fresh identifiers for generated code in one file. A generated name never equals an identifier
 * already used in the method (or initialiser) around the region, so it can neither shadow an
 * enclosing local (illegal inside a lambda) nor hide a field the code there uses. Names declared
 * next to a region (snapshots, local records) are also remembered per method, so two rewrites in
 * one method never declare the same name; lambda parameters are not, so every lambda gets the
 * plain {@code lo}, {@code hi}.
 */
public final class Names {

  private final Map<Node, Set<String>> declaredIn = new IdentityHashMap<>();

  /** A name for a lambda parameter or a lambda-local variable of a rewrite in {@code scope}. */
  public String scoped(String base, Node scope) {
    return pick(base, scope, false);
  }

  /** A name for a declaration a rewrite adds to a block of {@code scope}; reserved there from now on. */
  public String declared(String base, Node scope) {
    return pick(base, scope, true);
  }

  private String pick(String base, Node scope, boolean reserve) {
    Set<String> mine = declaredIn.computeIfAbsent(scope, k -> new HashSet<>());
    // Names a new local or record could collide with: variables, unqualified names, types.
    // (A field reached as x.left cannot be shadowed by a local named left.)
    Set<String> near = new HashSet<>();
    scope.walk(NameExpr.class, n -> near.add(n.getNameAsString()));
    scope.walk(VariableDeclarator.class, v -> near.add(v.getNameAsString()));
    scope.walk(Parameter.class, p -> near.add(p.getNameAsString()));
    scope.walk(ClassOrInterfaceType.class, t -> near.add(t.getNameAsString()));
    scope.walk(TypeDeclaration.class, t -> near.add(t.getNameAsString()));
    String name = base;
    for (int i = 2; near.contains(name) || mine.contains(name); i++) name = base + i;
    if (reserve) mine.add(name);
    return name;
  }

  /** {@code sum} becomes {@code chunkSum}. */
  public static String prefixed(String prefix, String name) {
    return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
