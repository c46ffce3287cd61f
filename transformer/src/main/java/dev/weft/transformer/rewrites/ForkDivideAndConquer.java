package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.google.common.collect.ImmutableList;
import dev.weft.transformer.source.Edit;
import dev.weft.transformer.source.Indent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Divide and conquer: the self-calls run as two tasks, but only when a worker is idle, so a deep
 * recursion pays one field read per call when nobody would take the work:
 *
 * <pre>
 * if (Weft.wantsWork()) {
 *   return Weft.joinLong(() -> fib(n - 1), () -> fib(n - 2), (left, right) -> left + right);
 * } else {
 *   return fibAsWritten(n - 1) + fibAsWritten(n - 2);   // the original statement, calling the clone
 * }
 * ...
 * private static long fibAsWritten(int n) { ...the original body, whose self-calls call fib... }
 * </pre>
 *
 * <p>When one call does little besides recursing (the analyzer's work estimate for the body is at
 * most {@link #CLONE_WORK}), that read is a large part of it: fib's guarded calls ran 1.3–1.4×
 * the original's time with one worker. The sequential branch then calls a private copy of the
 * method as written, whose own self-calls go back to the guarded method, so only every other level
 * reads the flag (and the JIT inlines the pair as it inlines the original's self-call). fib 44,
 * one worker: original 1.99 s, guarded every level 2.56 s, every other level 1.65 s. Only for a
 * method nothing can override (static, private or final, or in a final class), since the copy is
 * called without virtual dispatch. Forks still happen on every guarded level: the copy's levels
 * are the ones a fork would have been asked of half as often.
 *
 * <p>Handles two self-calls combined by one arithmetic or bitwise operator or by {@code Math.max} /
 * {@code Math.min} (in a {@code return} or expression statement; in a declaration the same choice is
 * a conditional expression), and two consecutive self-call statements or declarations. Comparisons
 * and {@code && ||} are not rewritten (boxed comparison, short-circuit).
 */
public final class ForkDivideAndConquer {

  private static final Set<BinaryExpr.Operator> COMBINING = EnumSet.of(
      BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS, BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE,
      BinaryExpr.Operator.REMAINDER, BinaryExpr.Operator.BINARY_AND, BinaryExpr.Operator.BINARY_OR,
      BinaryExpr.Operator.XOR, BinaryExpr.Operator.LEFT_SHIFT, BinaryExpr.Operator.SIGNED_RIGHT_SHIFT,
      BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT);

  /** Per-call work (the analyzer's estimate for the method body) up to which the sequential branch calls a clone. */
  static final long CLONE_WORK = 1_000;

  public Outcome rewrite(RegionSite site) {
    if (!(site.node() instanceof MethodDeclaration method) || method.getBody().isEmpty()) {
      return Outcome.skip("the region's location is not a method with a body");
    }
    List<Edit> edits = new ArrayList<>();
    BlockStmt body = method.getBody().get();
    String clone = cloneName(site, method);
    for (BinaryExpr b : body.findAll(BinaryExpr.class)) {
      if (!COMBINING.contains(b.getOperator()) || !directlyIn(method, b)) continue;
      Optional<Statement> s = b.findAncestor(Statement.class);
      if (s.isEmpty()) continue;
      if (isSelfCall(method, b.getLeft()) && isSelfCall(method, b.getRight())) {
        edits.addAll(binary(site, method, b.getLeft(), b.getRight(), operator(site, b.getOperator()),
            site.source().begin(b.getLeft()), site.source().end(b.getRight()), s.get(), clone));
      } else if (reassociable(method, b, s.get())) {
        // return x + f(a) + f(b) parses as (x + f(a)) + f(b); integral + and * are associative
        // (wrap-around included), so x + (f(a) + f(b)) is the same value, evaluated in the same order.
        BinaryExpr inner = (BinaryExpr) b.getLeft();
        edits.addAll(binary(site, method, inner.getRight(), b.getRight(), operator(site, b.getOperator()),
            site.source().begin(inner.getRight()), site.source().end(b.getRight()), s.get(), clone));
      }
    }
    for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
      if (!directlyIn(method, c) || c.getArguments().size() != 2
          || !isSelfCall(method, c.getArgument(0)) || !isSelfCall(method, c.getArgument(1))) continue;
      Optional<String> combine = mathCombine(method, c);
      Optional<Statement> s = c.findAncestor(Statement.class);
      if (combine.isEmpty() || s.isEmpty()) continue;
      edits.addAll(binary(site, method, c.getArgument(0), c.getArgument(1), combine.get(),
          site.source().begin(c), site.source().end(c), s.get(), clone));
    }
    for (BlockStmt block : body.findAll(BlockStmt.class)) {
      if (!directlyIn(method, block)) continue;
      List<Statement> st = block.getStatements();
      for (int i = 0; i + 1 < st.size(); i++) {
        if (selfCallStatement(method, st.get(i)) && selfCallStatement(method, st.get(i + 1))
            && CallPair.of(st.get(i), st.get(i + 1)) instanceof CallPair p) {
          edits.add(pair(site, p, clone));
          i++;
        }
      }
    }
    if (edits.isEmpty()) {
      return Outcome.skip("the self-calls are not two calls combined by one operator or by Math.max or min, nor two consecutive call statements");
    }
    if (clone != null) edits.add(cloneOf(site, method, clone));
    return new Outcome.Rewritten(ImmutableList.copyOf(edits), getClass().getSimpleName());
  }

  private static boolean isSelfCall(MethodDeclaration m, Expression e) {
    if (!(e instanceof MethodCallExpr c) || !c.getNameAsString().equals(m.getNameAsString())
        || c.getArguments().size() != m.getParameters().size()) return false;
    if (c.getScope().isEmpty() || c.getScope().get().isThisExpr()) return true;
    return c.getScope().get() instanceof NameExpr n
        && m.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString().equals(n.getNameAsString())).orElse(false);
  }

  private static boolean reassociable(MethodDeclaration m, BinaryExpr outer, Statement s) {
    String type = m.getType().asString();
    return (type.equals("int") || type.equals("long"))
        && (outer.getOperator() == BinaryExpr.Operator.PLUS || outer.getOperator() == BinaryExpr.Operator.MULTIPLY)
        && s instanceof ReturnStmt r && r.getExpression().filter(e -> e == outer).isPresent()
        && isSelfCall(m, outer.getRight())
        && outer.getLeft() instanceof BinaryExpr inner && inner.getOperator() == outer.getOperator()
        && isSelfCall(m, inner.getRight()) && !isSelfCall(m, inner.getLeft());
  }

  private static boolean selfCallStatement(MethodDeclaration m, Statement s) {
    return CallPair.callStatement(s).filter(c -> isSelfCall(m, c)).isPresent()
        || CallPair.callDeclaration(s).filter(d -> isSelfCall(m, d.getVariables().get(0).getInitializer().get())).isPresent();
  }

  /** Not inside a lambda or a nested class of the method, where the calls would run elsewhere. */
  private static boolean directlyIn(MethodDeclaration m, Node n) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent() && p.get() != m) {
      if (p.get() instanceof LambdaExpr || p.get() instanceof ObjectCreationExpr || p.get() instanceof TypeDeclaration<?>) return false;
      p = p.get().getParentNode();
    }
    return true;
  }

  private static String joinCall(RegionSite site, MethodDeclaration m, Expression first, Expression second,
      String combine, Map<String, String> renames, String indent) {
    String type = m.getType().asString();
    String method = switch (type) {
      case "int" -> "joinInt";
      case "long" -> "joinLong";
      case "double" -> "joinDouble";
      default -> "join";
    };
    return site.weft() + "." + method + "(() -> " + site.moved(first, renames, indent) + ", () -> "
        + site.moved(second, renames, indent) + ", " + combine + ")";
  }

  /** {@code (left, right) -> left ⊕ right}. */
  private static String operator(RegionSite site, BinaryExpr.Operator op) {
    String l = site.local("left");
    String r = site.local("right");
    return "(" + l + ", " + r + ") -> " + l + " " + op.asString() + " " + r;
  }

  /**
   * {@code Math.max(f(a), f(b))} (or {@code min}, or {@code StrictMath}'s) where the method returns
   * {@code int}, {@code long} or {@code double}: the pair is forked and the call combines the results,
   * as {@code Math::max}. The original evaluates both calls, then the function, as the join does.
   */
  private static Optional<String> mathCombine(MethodDeclaration m, MethodCallExpr c) {
    if (c.getArguments().size() != 2 || c.getScope().isEmpty() || !(c.getScope().get() instanceof NameExpr scope)) return Optional.empty();
    String owner = scope.getNameAsString();
    if (!owner.equals("Math") && !owner.equals("StrictMath")) return Optional.empty();
    if (!c.getNameAsString().equals("max") && !c.getNameAsString().equals("min")) return Optional.empty();
    String type = m.getType().asString();
    if (!type.equals("int") && !type.equals("long") && !type.equals("double")) return Optional.empty();
    return Optional.of(owner + "::" + c.getNameAsString());
  }

  /** Forks the two self-calls {@code first}, {@code second} inside {@code [begin, end)}, which {@code combine} joins. */
  private List<Edit> binary(RegionSite site, MethodDeclaration m, Expression first, Expression second,
      String combine, int begin, int end, Statement s, String clone) {
    List<Node> calls = List.of(first, second);
    String indent = site.indentOf(s);
    String inner = indent + site.unit();
    String eol = site.eol();
    RegionSite.Snapshots snapshots = site.snapshots(site.capturesIn(List.of(first, second), Set.of()), s, indent);
    String head = snapshots.lines() + site.headline("forks only while a worker is idle") + eol + indent;
    boolean statementForm = s instanceof ReturnStmt
        || (s instanceof ExpressionStmt es && !(es.getExpression() instanceof VariableDeclarationExpr));
    int bb = begin - site.source().begin(s);
    int be = end - site.source().begin(s);
    if (statementForm) {
      String original = site.text(s, Map.of());
      String forked = original.substring(0, bb) + joinCall(site, m, first, second, combine, snapshots.renames(), indent)
          + original.substring(be);
      String text = head + "if (" + site.weft() + ".wantsWork()) {" + eol
          + inner + Indent.shift(forked, indent, inner) + eol
          + indent + "} else {" + eol
          + inner + Indent.shift(calling(site, site.source().begin(s), site.source().end(s), calls, clone), indent, inner) + eol
          + indent + "}";
      return List.of(new Edit(site.source().begin(s), site.source().end(s), text));
    }
    // A declaration (or another statement): the same choice as a conditional expression, in place.
    boolean bare = first.getParentNode().flatMap(Node::getParentNode).filter(p -> p instanceof VariableDeclarator).isPresent();
    String choice = site.weft() + ".wantsWork() ? " + joinCall(site, m, first, second, combine, snapshots.renames(), indent)
        + " : " + calling(site, begin, end, calls, clone);
    return List.of(
        new Edit(site.source().begin(s), site.source().begin(s), head),
        new Edit(begin, end, bare ? choice : "(" + choice + ")"));
  }

  private Edit pair(RegionSite site, CallPair p, String clone) {
    List<Node> calls = List.of(p.firstCall, p.secondCall);
    String indent = site.indentOf(p.first);
    String inner = indent + site.unit();
    String eol = site.eol();
    RegionSite.Snapshots snapshots = site.snapshots(site.capturesIn(p.calls(), Set.of()), p.first, indent);
    StringBuilder out = new StringBuilder(snapshots.lines())
        .append(site.headline("forks only while a worker is idle")).append(eol).append(indent);
    int begin = site.source().begin(p.first);
    int end = site.source().end(p.second);
    String original = Indent.shift(calling(site, begin, end, calls, clone), indent, inner);
    if (p.declarations()) {
      // Declared before the branches, assigned once on each path: still effectively final after.
      for (VariableDeclarationExpr d : List.of(p.firstDecl, p.secondDecl)) {
        VariableDeclarator v = d.getVariables().get(0);
        out.append(CallPair.modifiers(d)).append(v.getType()).append(' ').append(v.getName()).append(';').append(eol).append(indent);
      }
      original = inner + assignmentsOf(site, p, inner, clone);
    } else {
      original = inner + original;
    }
    out.append("if (").append(site.weft()).append(".wantsWork()) {").append(eol)
        .append(inner).append(p.fork(site, snapshots.renames(), inner, p.declarations())).append(eol)
        .append(indent).append("} else {").append(eol)
        .append(original).append(eol)
        .append(indent).append("}");
    return new Edit(begin, end, out.toString());
  }

  /** {@code x = f(a);} for each declaration of the pair, the calls' text kept (the name, the clone's). */
  private static String assignmentsOf(RegionSite site, CallPair p, String inner, String clone) {
    StringBuilder out = new StringBuilder();
    for (VariableDeclarationExpr d : List.of(p.firstDecl, p.secondDecl)) {
      VariableDeclarator v = d.getVariables().get(0);
      if (out.length() > 0) out.append(site.eol()).append(inner);
      Expression init = v.getInitializer().get();
      String call = calling(site, site.source().begin(init), site.source().end(init), List.of(init), clone);
      out.append(v.getName()).append(" = ").append(Indent.shift(call, site.indentOf(init), inner)).append(';');
    }
    return out.toString();
  }

  /**
   * The name of the method's clone, or null when it gets none: the body does more than
   * {@link #CLONE_WORK} per call (a read per call is then noise, and the copy only lengthens the
   * diff), the method can be overridden, or its type inherits from a type declared in another file.
   * The name is used by no method declared or called in the file, so no overload can capture a call:
   * a supertype elsewhere could declare a method of that name whose parameters fit the calls more
   * closely (JLS 15.12.2.5), and the calls would go to it.
   */
  private static String cloneName(RegionSite site, MethodDeclaration m) {
    if (site.region().workPerIteration() > CLONE_WORK || !final_(m)) return null;
    Node owner = m.getParentNode().orElse(null);
    if (owner == null || !inheritsOnlyFromThisFile(site.cu(), owner, new HashSet<>())) return null;
    Set<String> used = new HashSet<>();
    site.cu().walk(MethodDeclaration.class, d -> used.add(d.getNameAsString()));
    site.cu().walk(MethodCallExpr.class, c -> used.add(c.getNameAsString()));
    site.cu().walk(MethodReferenceExpr.class, r -> used.add(r.getIdentifier()));
    String base = m.getNameAsString() + "AsWritten";
    String name = base;
    for (int i = 2; used.contains(name); i++) name = base + i;
    return name;
  }

  /**
   * Every method {@code type} inherits is declared in {@code cu}: it extends and implements nothing
   * (an enum's or record's implicit supertype declares no method named like a clone) or only types
   * declared in this file, by simple name, that do the same. {@code Object}'s methods are known.
   */
  private static boolean inheritsOnlyFromThisFile(CompilationUnit cu, Node type, Set<String> seen) {
    List<ClassOrInterfaceType> supers = new ArrayList<>();
    if (type instanceof ClassOrInterfaceDeclaration c) {
      supers.addAll(c.getExtendedTypes());
      supers.addAll(c.getImplementedTypes());
    } else if (type instanceof EnumDeclaration e) {
      supers.addAll(e.getImplementedTypes());
    } else if (type instanceof RecordDeclaration r) {
      supers.addAll(r.getImplementedTypes());
    } else if (type instanceof ObjectCreationExpr anonymous) {
      supers.add(anonymous.getType());
    } else {
      return false;
    }
    for (ClassOrInterfaceType t : supers) {
      if (t.getScope().isPresent()) return false; // qualified: another file or a library
      if (!seen.add(t.getNameAsString())) continue; // checked already (a cycle does not compile)
      List<Node> here = new ArrayList<>();
      cu.walk(TypeDeclaration.class, d -> {
        if (d.getNameAsString().equals(t.getNameAsString())) here.add(d);
      });
      if (here.size() != 1 || !inheritsOnlyFromThisFile(cu, here.get(0), seen)) return false;
    }
    return true;
  }

  /** No subclass can override {@code m}: a call of it always runs this body. */
  private static boolean final_(MethodDeclaration m) {
    if (m.isStatic() || m.isPrivate() || m.isFinal()) return true;
    Node owner = m.getParentNode().orElse(null);
    return owner instanceof RecordDeclaration || owner instanceof ObjectCreationExpr
        || owner instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && c.isFinal();
  }

  /** The text of {@code [begin, end)} with the names of {@code calls} replaced by {@code clone}'s (none when null). */
  private static String calling(RegionSite site, int begin, int end, List<? extends Node> calls, String clone) {
    StringBuilder out = new StringBuilder(site.source().text().substring(begin, end));
    if (clone == null) return out.toString();
    List<SimpleName> names = new ArrayList<>();
    for (Node c : calls) names.add(((MethodCallExpr) c).getName());
    names.sort(Comparator.comparingInt((SimpleName n) -> site.source().begin(n)).reversed());
    for (SimpleName n : names) {
      int b = site.source().begin(n) - begin;
      out.replace(b, b + n.getIdentifier().length(), clone);
    }
    return out.toString();
  }

  /**
   * The clone, declared after the method: private, the same type parameters, result, parameters
   * and throws clause, and the body exactly as written (its self-calls still name the method).
   * Annotations and the doc comment stay with the original.
   */
  private static Edit cloneOf(RegionSite site, MethodDeclaration m, String clone) {
    String indent = site.indentOf(m);
    String eol = site.eol();
    StringBuilder out = new StringBuilder(eol).append(eol).append(indent)
        .append("// ").append(CLONE_MARK).append(' ').append(m.getNameAsString())
        .append(CLONE_PHRASE).append("its calls go back to ").append(m.getNameAsString())
        .append(", so only every other level of the recursion asks for work").append(eol).append(indent)
        .append("private ").append(m.isStatic() ? "static " : "");
    if (!m.getTypeParameters().isEmpty()) {
      out.append('<').append(String.join(", ", m.getTypeParameters().stream().map(t -> site.source().textOf(t)).toList())).append("> ");
    }
    out.append(site.source().textOf(m.getType())).append(' ').append(clone).append('(')
        .append(String.join(", ", m.getParameters().stream().map(x -> site.source().textOf(x)).toList())).append(')');
    if (!m.getThrownExceptions().isEmpty()) {
      out.append(" throws ").append(String.join(", ", m.getThrownExceptions().stream().map(t -> site.source().textOf(t)).toList()));
    }
    out.append(' ').append(site.source().textOf(m.getBody().orElseThrow()));
    int at = site.source().end(m);
    return new Edit(at, at, out.toString());
  }

  /** How a clone's comment starts, and what follows the method's name in it. */
  private static final String CLONE_MARK = "Weft DivideAndConquer:";
  private static final String CLONE_PHRASE = " as written: ";

  /** A clone's comment: the rewriter treats the method under it as its own output. */
  public static boolean isCloneComment(String content) {
    String c = content.trim();
    return c.startsWith(CLONE_MARK) && c.contains(CLONE_PHRASE);
  }
}
