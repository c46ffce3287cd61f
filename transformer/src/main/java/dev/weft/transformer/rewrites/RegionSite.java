package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.Type;
import dev.weft.analyzer.findings.Region;
import dev.weft.transformer.source.Indent;
import dev.weft.transformer.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted region, located in its parsed file: everything a rewrite needs to re-derive the
 * code's shape from the AST and to quote the original text.
 */
public final class RegionSite {

  private final SourceFile source;
  private final CompilationUnit cu;
  private final Region region;
  private final Node node;
  private final Names names;
  private final String weft;
  private final String unit;

  public RegionSite(SourceFile source, CompilationUnit cu, Region region, Node node, Names names, String weft, String unit) {
    this.source = source;
    this.cu = cu;
    this.region = region;
    this.node = node;
    this.names = names;
    this.weft = weft;
    this.unit = unit;
  }

  public SourceFile source() {
    return source;
  }

  public CompilationUnit cu() {
    return cu;
  }

  public Region region() {
    return region;
  }

  /** The loop statement, the first of the independent statements, or the method declaration. */
  public Node node() {
    return node;
  }

  public Names names() {
    return names;
  }

  /** A fresh name for a lambda parameter or lambda-local variable of this region's rewrite. */
  public String local(String base) {
    return names.scoped(base, scope());
  }

  /** A fresh name for a local or local record this rewrite declares next to the region. */
  public String declared(String base) {
    return names.declared(base, scope());
  }

  private Node scope() {
    Node scope = outermostCallable(node);
    return scope == null ? cu : scope;
  }

  /** How generated code names the runtime class: {@code Weft}, or its full name if that clashes. */
  public String weft() {
    return weft;
  }

  /** One level of indentation in this file. */
  public String unit() {
    return unit;
  }

  public String eol() {
    return source.lineSeparator();
  }

  public String indentOf(Node n) {
    return source.indentAt(source.begin(n));
  }

  /** The original text of {@code n} with the given locals renamed, as written (not re-indented). */
  public String text(Node n, Map<String, String> renames) {
    int base = source.begin(n);
    StringBuilder out = new StringBuilder(source.textOf(n));
    List<NameExpr> hits = new ArrayList<>();
    if (!renames.isEmpty()) {
      n.walk(NameExpr.class, e -> {
        if (renames.containsKey(e.getNameAsString())) hits.add(e);
      });
      if (n instanceof NameExpr e && renames.containsKey(e.getNameAsString()) && !hits.contains(e)) hits.add(e);
    }
    hits.sort(Comparator.comparingInt((NameExpr e) -> source.begin(e)).reversed());
    for (NameExpr e : hits) {
      int b = source.begin(e) - base;
      out.replace(b, b + e.getNameAsString().length(), renames.get(e.getNameAsString()));
    }
    return out.toString();
  }

  /** {@link #text} re-indented from where {@code n} sits to {@code indent}. */
  public String moved(Node n, Map<String, String> renames, String indent) {
    return Indent.shift(text(n, renames), indentOf(n), indent);
  }

  /** The comment that heads every rewrite: the region kind and the fact that proved it. */
  public String headline(String extra) {
    // The first fact that is a proof: the work estimate is the call's own argument, and the loop's
    // shape is visible in the code.
    String fact = region.facts().stream()
        .filter(f -> !f.startsWith("about ") && !f.startsWith("counted loop") && !f.startsWith("enhanced for over"))
        .findFirst()
        .orElse("proved safe by the analyzer");
    fact = fact.replace('\n', ' ').replace('\r', ' ');
    return "// Weft " + region.kind().id() + ": " + fact + (extra.isEmpty() ? "" : "; " + extra);
  }

  /** The method, constructor or lambda whose body holds {@code n}. */
  public Optional<Node> enclosingCallable(Node n) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent()) {
      Node q = p.get();
      if (q instanceof CallableDeclaration<?> || q instanceof LambdaExpr) return p;
      if (q instanceof com.github.javaparser.ast.body.InitializerDeclaration) return p;
      p = q.getParentNode();
    }
    return Optional.empty();
  }

  /**
   * Locals declared outside {@code inside} (in the enclosing callables) that {@code inside} reads
   * and that are not effectively final: a lambda may not capture them, so the rewrite copies each
   * into a final local first. Adds the analyzer's {@code captures}. Names in {@code exclude}
   * (accumulators, which are privatised instead) are left out.
   */
  public Set<String> capturesIn(List<? extends Node> inside, Set<String> exclude) {
    Set<String> declaredInside = new LinkedHashSet<>();
    Set<String> read = new LinkedHashSet<>();
    for (Node n : inside) {
      n.walk(VariableDeclarator.class, v -> declaredInside.add(v.getNameAsString()));
      n.walk(Parameter.class, p -> declaredInside.add(p.getNameAsString()));
      n.walk(NameExpr.class, e -> read.add(e.getNameAsString()));
      if (n instanceof NameExpr e) read.add(e.getNameAsString());
    }
    Set<String> out = new LinkedHashSet<>();
    for (String c : region.captures()) {
      if (read.contains(c) && !exclude.contains(c)) out.add(c);
    }
    Node scope = outermostCallable(inside.get(0));
    if (scope == null) return out;
    for (String name : read) {
      if (exclude.contains(name) || declaredInside.contains(name) || out.contains(name)) continue;
      if (localType(name, inside.get(0)).isPresent() && assignedAnywhere(scope, name)) out.add(name);
    }
    return out;
  }

  private Node outermostCallable(Node n) {
    Node found = n instanceof CallableDeclaration<?> ? n : null;
    Optional<Node> c = enclosingCallable(n);
    while (c.isPresent()) {
      found = c.get();
      c = enclosingCallable(found);
    }
    return found;
  }

  /** Simple names assigned (=, op=, ++, --) inside {@code nodes}, declared there or not. */
  public Set<String> assignedIn(List<? extends Node> nodes) {
    Set<String> out = new LinkedHashSet<>();
    Set<String> declaredInside = new LinkedHashSet<>();
    for (Node n : nodes) {
      n.walk(VariableDeclarator.class, v -> declaredInside.add(v.getNameAsString()));
      n.walk(AssignExpr.class, a -> {
        if (a.getTarget() instanceof NameExpr t) out.add(t.getNameAsString());
      });
      n.walk(UnaryExpr.class, u -> {
        // Only ++ and -- write; JavaParser also calls -, +, ! and ~ "prefix" operators.
        if (!writes(u.getOperator())) return;
        if (u.getExpression() instanceof NameExpr t) out.add(t.getNameAsString());
      });
    }
    out.removeAll(declaredInside);
    return out;
  }

  private static boolean writes(UnaryExpr.Operator op) {
    return switch (op) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  private static boolean assignedAnywhere(Node scope, String name) {
    boolean[] hit = {false};
    scope.walk(AssignExpr.class, a -> {
      if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) hit[0] = true;
    });
    scope.walk(UnaryExpr.class, u -> {
      if ((u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
              || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT
              || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
              || u.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT)
          && u.getExpression() instanceof NameExpr t
          && t.getNameAsString().equals(name)) hit[0] = true;
    });
    return hit[0];
  }

  /**
   * The declared type of the local or parameter {@code name} visible at {@code at}: the nearest
   * declaration before it in an enclosing callable. Empty when it is not a local (a field).
   */
  public Optional<Type> localType(String name, Node at) {
    int pos = source.begin(at);
    Optional<Node> c = enclosingCallable(at);
    while (c.isPresent()) {
      Node callable = c.get();
      Type best = null;
      int bestPos = -1;
      for (VariableDeclarator v : callable.findAll(VariableDeclarator.class)) {
        int p = source.begin(v);
        if (v.getNameAsString().equals(name) && p < pos && p > bestPos && enclosesAt(v, at)) {
          best = v.getType();
          bestPos = p;
        }
      }
      if (best != null) return Optional.of(best);
      for (Parameter p : callable.findAll(Parameter.class)) {
        if (p.getNameAsString().equals(name) && source.begin(p) < pos) return Optional.of(p.getType());
      }
      c = enclosingCallable(callable);
    }
    return Optional.empty();
  }

  /** Whether the declaration {@code v}'s scope (its block) contains {@code at}. */
  private static boolean enclosesAt(VariableDeclarator v, Node at) {
    Optional<Node> scope = v.getParentNode();
    while (scope.isPresent() && !(scope.get() instanceof BlockStmt)
        && !(scope.get() instanceof com.github.javaparser.ast.stmt.ForStmt)
        && !(scope.get() instanceof com.github.javaparser.ast.stmt.ForEachStmt)) {
      scope = scope.get().getParentNode();
    }
    return scope.isEmpty() || at.isDescendantOf(scope.get()) || scope.get() == at;
  }

  /**
   * Final copies of captured locals, declared just before the runtime call: lines at
   * {@code indent}, and the renames that make the lambda read the copies.
   */
  public Snapshots snapshots(Set<String> captured, Node at, String indent) {
    StringBuilder lines = new StringBuilder();
    Map<String, String> renames = new LinkedHashMap<>();
    for (String name : captured) {
      String type = localType(name, at).map(Object::toString).orElse("var");
      String copy = declared(name + "Snapshot");
      renames.put(name, copy);
      lines.append("final ").append(type).append(' ').append(copy).append(" = ").append(name).append(';')
          .append(eol()).append(indent);
    }
    return new Snapshots(lines.toString(), renames);
  }

  /** Declarations to put before the call (each line ends with a newline and {@code indent}). */
  public record Snapshots(String lines, Map<String, String> renames) {}
}
