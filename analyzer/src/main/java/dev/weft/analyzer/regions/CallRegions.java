package dev.weft.analyzer.regions;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.effects.Access;
import dev.weft.analyzer.effects.Accesses;
import dev.weft.analyzer.effects.Base;
import dev.weft.analyzer.effects.EffectFlag;
import dev.weft.analyzer.effects.EffectSummary;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.blockers.CallsUnknownMethod;
import dev.weft.analyzer.findings.blockers.IoInRegion;
import dev.weft.analyzer.findings.blockers.OverlappingEffects;
import dev.weft.analyzer.findings.blockers.Synchronization;
import dev.weft.analyzer.findings.blockers.ThrowsException;
import dev.weft.analyzer.source.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Independent calls (a run of at least two consecutive statements, each one call to a project method
 * worth a task) and divide and conquer (a method with at least two self-calls). Both are accepted
 * when the calls' effect summaries, mapped onto their arguments, are disjoint: no call writes what
 * another reads or writes.
 *
 * <p>Limit: summaries carry no index ranges, so two calls writing the same array (merge sort's
 * halves) are rejected with OverlappingEffects even when the ranges are disjoint.
 */
final class CallRegions {

  private final FileContext ctx;

  CallRegions(FileContext ctx) {
    this.ctx = ctx;
  }

  /** The call of a candidate statement: {@code f(x);} or {@code T v = f(x);}. */
  static Optional<MethodCallExpr> callOf(Statement s) {
    if (!(s instanceof ExpressionStmt es)) return Optional.empty();
    Expression e = es.getExpression();
    if (e instanceof MethodCallExpr m) return Optional.of(m);
    if (e instanceof VariableDeclarationExpr v && v.getVariables().size() == 1) {
      return v.getVariable(0).getInitializer().filter(i -> i instanceof MethodCallExpr).map(i -> (MethodCallExpr) i);
    }
    return Optional.empty();
  }

  /** Declared in the project, with a loop or a self-call in its body. */
  static boolean worthATask(MethodCallExpr m) {
    try {
      Optional<Node> ast = Resolutions.method(m).toAst();
      if (ast.isEmpty() || !(ast.get() instanceof MethodDeclaration md) || md.getBody().isEmpty()) return false;
      if (md.getBody().get().findFirst(Statement.class, WorkEstimator::isLoop).isPresent()) return true;
      return !selfCalls(md).isEmpty();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false;
    }
  }

  static List<MethodCallExpr> selfCalls(MethodDeclaration md) {
    List<MethodCallExpr> out = new ArrayList<>();
    if (md.getBody().isEmpty()) return out;
    for (MethodCallExpr m : md.getBody().get().findAll(MethodCallExpr.class)) {
      if (!m.getNameAsString().equals(md.getNameAsString()) || m.getArguments().size() != md.getParameters().size()) continue;
      if (m.getScope().isPresent() && !(m.getScope().get() instanceof ThisExpr)
          && !(m.getScope().get() instanceof NameExpr n && md.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
              .map(t -> t.getNameAsString().equals(n.getNameAsString())).orElse(false))) continue;
      if (m.findAncestor(LambdaExpr.class).filter(l -> l.isDescendantOf(md)).isPresent()) continue;
      try {
        if (Resolutions.method(m).toAst().orElse(null) != md) continue;
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        continue;
      }
      out.add(m);
    }
    return out;
  }

  /** Independent calls: {@code statements} is a maximal run of candidate statements (size ≥ 2). */
  Object independentCalls(List<Statement> statements) {
    List<Blocker> blockers = new ArrayList<>();
    List<String> facts = new ArrayList<>();
    List<CallEffects.Call> calls = new ArrayList<>();
    for (Statement s : statements) {
      MethodCallExpr m = callOf(s).orElseThrow();
      CallEffects.resolve(ctx, m, blockers).ifPresent(calls::add);
    }
    long total = 0, max = 0;
    for (CallEffects.Call c : calls) {
      judgeFlags(c, blockers);
      long cost = ctx.work().cost(c.node());
      total += cost;
      max = Math.max(max, cost);
    }
    for (int j = 0; j < calls.size(); j++) {
      for (int i = 0; i < j; i++) {
        overlap(calls.get(i), calls.get(j), blockers);
        usesResult(statements.get(i), calls.get(j), blockers);
      }
    }
    Statement first = statements.get(0);
    String method = ctx.methodOf(first);
    if (!blockers.isEmpty()) return new Rejection("calls", ctx.location(first), method, Blockers.normalise(blockers));
    for (CallEffects.Call c : calls) facts.add(c.ref().display() + ": " + describe(c.summary()));
    facts.add("no call writes what another reads or writes");
    return new Region(RegionKind.INDEPENDENT_CALLS, ctx.location(first), method, total, max, null, ImmutableList.of(),
        ImmutableList.copyOf(captures(statements)), ImmutableList.copyOf(facts), ImmutableList.of(), false);
  }

  /** Divide and conquer: a method with at least two self-calls. */
  Object divideAndConquer(MethodDeclaration md, List<MethodCallExpr> self) {
    List<Blocker> blockers = new ArrayList<>();
    List<CallEffects.Call> calls = new ArrayList<>();
    for (MethodCallExpr m : self) CallEffects.resolve(ctx, m, blockers).ifPresent(calls::add);
    if (!calls.isEmpty()) judgeFlags(calls.get(0), blockers);
    for (int j = 0; j < calls.size(); j++) {
      for (int i = 0; i < j; i++) overlap(calls.get(i), calls.get(j), blockers);
    }
    // Code between the self-calls runs while a forked call may still run: it must not write what they read.
    Optional<Node> between = calls.isEmpty() || calls.get(0).summary().reads().isEmpty() ? Optional.empty() : writeBetween(md, self);
    if (between.isPresent()) {
      blockers.add(OverlappingEffects.of(md.getNameAsString() + " writes memory between its recursive calls, which a forked call may read",
          ctx.witness(between.get())));
    }
    String method = ctx.methodOf(md.getBody().orElseThrow());
    var loc = ctx.location(md.getName());
    if (!blockers.isEmpty()) return new Rejection("recursion", loc, method, Blockers.normalise(blockers));
    long work = ctx.work().cost(md.getBody().get());
    List<String> facts = new ArrayList<>();
    facts.add(md.getNameAsString() + " calls itself " + self.size() + " times; " + describe(calls.get(0).summary()));
    facts.add("the recursive calls' effects are disjoint");
    return new Region(RegionKind.DIVIDE_AND_CONQUER, loc, method, work, work, null, ImmutableList.of(), ImmutableList.of(),
        ImmutableList.copyOf(facts), ImmutableList.of(), false);
  }

  /**
   * A store to memory (not a local variable) that may run while a forked recursive call runs: one
   * written between the first self-call and the last, or one that stores a self-call's result (in
   * a forked task, it runs beside the other call). The rewrite forks two adjacent self-calls and
   * joins them before anything after them runs, so a store before the first (a base case, a
   * partition step) or after the last (a merge step) never overlaps a forked call; nor does a store
   * into an object the method allocated and never hands to a call (a new tree node's fields).
   */
  private Optional<Node> writeBetween(MethodDeclaration md, List<MethodCallExpr> self) {
    Position from = null, to = null;
    for (MethodCallExpr c : self) {
      if (c.getBegin().isEmpty() || c.getEnd().isEmpty()) return Optional.of(c); // no position: assume the worst
      if (from == null || c.getBegin().get().isBefore(from)) from = c.getBegin().get();
      if (to == null || c.getEnd().get().isAfter(to)) to = c.getEnd().get();
    }
    for (Node n : md.getBody().get().findAll(Node.class)) {
      Expression t = n instanceof AssignExpr a ? a.getTarget() : n instanceof UnaryExpr u && Names.isIncrement(u) ? u.getExpression() : null;
      if (t == null) continue;
      if (t instanceof NameExpr name && Names.findLocal(name, name.getNameAsString()) != null) continue;
      if (t.getBegin().isEmpty()) return Optional.of(n);
      Position at = t.getBegin().get();
      // x.f = f(a) stores after its call returns: inside a forked task, while the other call runs.
      boolean storesAResult = n.findAll(MethodCallExpr.class).stream().anyMatch(c -> self.stream().anyMatch(sc -> sc == c));
      if (!storesAResult && (from == null || at.isBefore(from) || at.isAfter(to))) continue;
      if (intoUnsharedFreshLocal(t)) continue;
      return Optional.of(n);
    }
    return Optional.empty();
  }

  /**
   * {@code x.f = …} or {@code x[i] = …} where {@code x} is a local initialised with {@code new} that
   * the method only dereferences ({@code x.f}, {@code x[i]}) or returns: nothing but this method
   * reaches it until it returns.
   */
  private static boolean intoUnsharedFreshLocal(Expression target) {
    Expression scope = target instanceof FieldAccessExpr f ? f.getScope()
        : target instanceof ArrayAccessExpr a ? a.getName() : null;
    if (!(scope instanceof NameExpr x)) return false;
    Node decl = Names.findLocal(x, x.getNameAsString());
    if (decl == null || !freshNeverCopied(decl, x.getNameAsString())) return false;
    for (NameExpr use : Names.enclosingCallable(decl).findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(x.getNameAsString()) || Names.findLocal(use, x.getNameAsString()) != decl) continue;
      Node p = use.getParentNode().orElse(null);
      boolean dereferenced = p instanceof FieldAccessExpr f && f.getScope() == use
          || p instanceof ArrayAccessExpr a && a.getName() == use;
      if (!dereferenced && !(p instanceof ReturnStmt)) return false;
      if (use.findAncestor(LambdaExpr.class).isPresent()) return false;
    }
    return true;
  }

  private static String describe(EffectSummary s) {
    if (s.isPure()) return "no side effects (" + s.source() + ")";
    return "writes " + s.writes() + " (" + s.source() + ")";
  }

  private void judgeFlags(CallEffects.Call c, List<Blocker> blockers) {
    String who = c.ref().display();
    for (EffectFlag f : c.summary().flags()) {
      List<String> chain = c.summary().chains().getOrDefault(f.name(), ImmutableList.of(who));
      switch (f) {
        case IO -> blockers.add(IoInRegion.of(who + " performs I/O", ctx.witness(c.node(), chain)));
        case SYNCHRONIZATION -> blockers.add(Synchronization.of(who + " synchronises", ctx.witness(c.node(), chain)));
        case UNKNOWN, NATIVE, REFLECTION -> blockers.add(CallsUnknownMethod.of("the effect of " + who + " is unknown ("
            + f.name().toLowerCase() + ")", ctx.witness(c.node(), chain)));
        case THROWS -> { }
      }
    }
    if (!c.checkedExceptions().isEmpty()) {
      blockers.add(ThrowsException.of(who + " declares " + String.join(", ", c.checkedExceptions()), ctx.witness(c.node())));
    }
  }

  private void overlap(CallEffects.Call a, CallEffects.Call b, List<Blocker> blockers) {
    for (Access w : a.summary().writes()) {
      for (Access x : concat(b.summary().reads(), b.summary().writes())) {
        if (conflict(a, w, b, x)) {
          blockers.add(OverlappingEffects.of(a.ref().display() + " writes " + w + " and " + b.ref().display() + " touches "
              + x + ": they may be the same memory", ctx.witness(b.node(), a.summary().chains().getOrDefault(w.toString(), ImmutableList.of()))));
          return;
        }
      }
    }
    for (Access w : b.summary().writes()) {
      for (Access x : a.summary().reads()) {
        if (conflict(b, w, a, x)) {
          blockers.add(OverlappingEffects.of(b.ref().display() + " writes " + w + ", which " + a.ref().display() + " reads",
              ctx.witness(b.node(), b.summary().chains().getOrDefault(w.toString(), ImmutableList.of()))));
          return;
        }
      }
    }
  }

  private static List<Access> concat(java.util.Set<Access> x, java.util.Set<Access> y) {
    List<Access> l = new ArrayList<>(x);
    l.addAll(y);
    return l;
  }

  private boolean conflict(CallEffects.Call ca, Access a, CallEffects.Call cb, Access b) {
    boolean aStatic = a.target() == Access.Target.STATIC_FIELD;
    boolean bStatic = b.target() == Access.Target.STATIC_FIELD;
    // A static field's slot is only ever touched as that static field.
    if (aStatic || bStatic) return aStatic && bStatic && a.owner().equals(b.owner()) && a.name().equals(b.name());
    if (a.base().kind() == Base.Kind.FRESH || b.base().kind() == Base.Kind.FRESH) return false;
    // A path through fields (rnd.seed, data[], *.*) may reach an object that the other call reaches
    // by another path, or that two distinct roots share: only direct accesses can be told apart.
    if (!Accesses.isDirect(a) || !Accesses.isDirect(b)) return true;
    if (!sameLocation(a, b)) return false;
    Expression ea = CallEffects.target(ca, a.base());
    Expression eb = CallEffects.target(cb, b.base());
    if (ea == null || eb == null) return true;
    return !distinctObjects(ea, eb);
  }

  /** Whether two direct accesses to one object may touch the same field or element. */
  private static boolean sameLocation(Access a, Access b) {
    // "*" is any of the object's own state (the JDK model's receiver writes).
    if (a.name().equals("*") || b.name().equals("*")) return true;
    if (a.target() != b.target()) return false;
    if (a.target() == Access.Target.INSTANCE_FIELD) return a.name().equals(b.name());
    // Arrays of different primitive element types are different arrays; "?" is an unknown type.
    boolean known = !a.owner().equals("?") && !b.owner().equals("?");
    return a.owner().equals(b.owner()) || !known
        || !LoopAnalysis.isPrimitive(a.owner()) && !LoopAnalysis.isPrimitive(b.owner());
  }

  /** Two argument expressions that are different fresh locals (allocated with new, never copied). */
  private boolean distinctObjects(Expression x, Expression y) {
    if (x instanceof ObjectCreationExpr || x instanceof ArrayCreationExpr || y instanceof ObjectCreationExpr || y instanceof ArrayCreationExpr) return true;
    if (!(x instanceof NameExpr nx) || !(y instanceof NameExpr ny)) return false;
    Node dx = Names.findLocal(nx, nx.getNameAsString()), dy = Names.findLocal(ny, ny.getNameAsString());
    if (dx == null || dy == null || dx == dy) return false;
    return freshNeverCopied(dx, nx.getNameAsString()) || freshNeverCopied(dy, ny.getNameAsString());
  }

  private static boolean freshNeverCopied(Node decl, String name) {
    if (!(decl instanceof VariableDeclarator)) return false;
    if (Names.initializer(decl).filter(i -> i instanceof ObjectCreationExpr || i instanceof ArrayCreationExpr).isEmpty()) return false;
    if (!Names.assignmentsOf(decl, name).isEmpty()) return false;
    for (NameExpr use : Names.enclosingCallable(decl).findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(name) || Names.findLocal(use, name) != decl) continue;
      Node p = use.getParentNode().orElse(null);
      if ((p instanceof AssignExpr a && a.getValue() == use) || p instanceof VariableDeclarator) return false;
    }
    return true;
  }

  private void usesResult(Statement earlier, CallEffects.Call later, List<Blocker> blockers) {
    if (!(earlier instanceof ExpressionStmt es) || !(es.getExpression() instanceof VariableDeclarationExpr v)) return;
    String name = v.getVariable(0).getNameAsString();
    for (NameExpr n : later.node().findAll(NameExpr.class)) {
      if (n.getNameAsString().equals(name) && Names.findLocal(n, name) == v.getVariable(0)) {
        blockers.add(OverlappingEffects.of(ctx.code(later.node()) + " uses " + name + ", the result of the call before it",
            ctx.witness(n)));
        return;
      }
    }
  }

  private List<String> captures(List<Statement> statements) {
    TreeSet<String> out = new TreeSet<>();
    for (Statement s : statements) {
      for (NameExpr n : callOf(s).orElseThrow().findAll(NameExpr.class)) {
        Node d = Names.findLocal(n, n.getNameAsString());
        if (d != null && !Names.effectivelyFinal(d, n.getNameAsString())) out.add(n.getNameAsString());
      }
    }
    return new ArrayList<>(out);
  }
}
