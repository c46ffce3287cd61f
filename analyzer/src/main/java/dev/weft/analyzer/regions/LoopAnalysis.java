package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.blockers.EarlyExit;
import dev.weft.analyzer.findings.blockers.FloatingPointReduction;
import dev.weft.analyzer.findings.blockers.LoopCarriedDependence;
import dev.weft.analyzer.findings.blockers.MayAlias;
import dev.weft.analyzer.findings.blockers.NonCanonicalLoop;
import dev.weft.analyzer.findings.blockers.Synchronization;
import dev.weft.analyzer.findings.blockers.ThrowsException;
import dev.weft.analyzer.findings.blockers.TooLittleWork;
import dev.weft.analyzer.findings.blockers.UnresolvedSymbol;
import dev.weft.analyzer.findings.blockers.WritesSharedField;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides one loop: canonical form, early exits, writes (locals, fields, array elements),
 * accumulators, the dependence test on array subscripts, aliasing, calls (through
 * {@link CallEffects}), and the work estimate. Produces a {@link Region} or a {@link Rejection}
 * listing every blocker found.
 *
 * <p>Limits: inner-loop indices in subscripts are free unknowns (so {@code a[i*n + j]} is not
 * proven); privatised scalars are recognised only when assigned first thing at the top level of
 * the body; {@code Map.compute…} updates are not recognised.
 */
final class LoopAnalysis {

  record Outcome(Region region, Rejection rejection) {}

  /** One array access, with its base resolved. */
  record ArrayUse(ArrayAccessExpr node, Base base, List<Expression> subscripts, boolean read, boolean write) {}

  /** An array reference: a local or parameter (decl), a field, or an expression we cannot name. */
  record Base(String key, String display, Node decl, Kind kind) {
    enum Kind { OUTER_LOCAL, BODY_LOCAL, FIELD, UNKNOWN }
  }

  private final FileContext ctx;
  private final Statement loop;
  private final Statement body;
  private final List<Blocker> blockers = new ArrayList<>();
  private final List<String> facts = new ArrayList<>();
  private final Set<String> checks = new LinkedHashSet<>();
  private final List<Accumulator> accumulators = new ArrayList<>();
  /** The declarations of the inner-loop indices met in subscripts, by their {@code inner:…} key. */
  private final Map<String, VariableDeclarator> innerIndices = new LinkedHashMap<>();
  private boolean needsFp;
  private RegionKind kind = RegionKind.DOALL_LOOP;
  private CountedLoop.Canonical canonical;

  /** Outer locals written in the body, with the writes. */
  private final Map<Node, List<Node>> outerWrites = new LinkedHashMap<>();
  /** Every occurrence of each outer local in the body. */
  private final Map<Node, List<NameExpr>> outerUses = new LinkedHashMap<>();
  private final Map<NameExpr, Names.Ref> refs = new IdentityHashMap<>();
  private final List<ArrayUse> arrays = new ArrayList<>();
  /** Calls that are part of a recognised accumulator update: not judged by their effects. */
  private final Set<Node> accumulatorCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  LoopAnalysis(FileContext ctx, Statement loop) {
    this.ctx = ctx;
    this.loop = loop;
    this.body = bodyOf(loop);
  }

  static Statement bodyOf(Statement loop) {
    if (loop instanceof ForStmt f) return f.getBody();
    if (loop instanceof ForEachStmt f) return f.getBody();
    if (loop instanceof WhileStmt w) return w.getBody();
    return ((DoStmt) loop).getBody();
  }

  Outcome run() {
    checkShape();
    scanControl();
    scanNames();
    scanWrites();
    objectAccumulators();
    scalars();
    arrays();
    longIndexLimits();
    new CallEffects(ctx, this).judgeCalls(body, accumulatorCalls);
    if (loop instanceof ForStmt f && canonical == null) {
      // the header's calls are evaluated every iteration too
      for (Expression e : f.getCompare().stream().toList()) new CallEffects(ctx, this).judgeCalls(e, accumulatorCalls);
    }
    long perIteration = Math.max(1, ctx.work().cost(body) + 2);
    OptionalLong trips = canonical == null ? OptionalLong.empty() : canonical.tripCount();
    long work = WorkEstimator.mul(perIteration, trips.isPresent() ? trips.getAsLong() : WorkEstimator.ASSUMED_TRIPS);
    if (trips.isPresent() && work < ctx.options().minWork()) {
      blockers.add(TooLittleWork.of("about " + work + " operations (" + trips.getAsLong() + " iterations × " + perIteration
          + "), below the minimum of " + ctx.options().minWork(), headerWitness()));
    }
    String method = ctx.methodOf(loop);
    if (!blockers.isEmpty()) {
      return new Outcome(null, new Rejection("loop", ctx.location(loop), method, Blockers.normalise(blockers)));
    }
    facts.add(0, "about " + work + " operations" + (trips.isPresent() ? " (" + trips.getAsLong() + " iterations × " + perIteration + ")"
        : " (" + perIteration + " per iteration; trip count unknown, decided at run time)"));
    if (canonical.stepCheck() != null) checks.add(canonical.stepCheck());
    return new Outcome(new Region(kind, ctx.location(loop), method, work, perIteration, canonical.shape(),
        ImmutableList.copyOf(accumulators), ImmutableList.copyOf(captures()), ImmutableList.copyOf(facts),
        ImmutableList.copyOf(checks), needsFp), null);
  }

  // ---- shape and control ------------------------------------------------------------------

  private void checkShape() {
    CountedLoop.Outcome o = CountedLoop.check(loop);
    if (o.canonical() != null) {
      canonical = o.canonical();
      var s = canonical.shape();
      facts.add(s.enhanced() ? "enhanced for over " + s.iterable() + " (an array or a RandomAccess list)"
          : "counted loop: " + s.index() + " from " + s.from() + " while " + s.index() + " " + s.comparison() + " " + s.to()
              + ", step " + s.step() + " (index not modified in the body, bound loop-invariant)");
    } else if (o.unresolved() != null) {
      blockers.add(UnresolvedSymbol.of("cannot resolve the type of " + o.unresolved(), ctx.witness(o.where())));
    } else {
      blockers.add(NonCanonicalLoop.of(o.problem(), o.where() == loop ? headerWitness() : ctx.witness(o.where())));
    }
  }

  /** The loop header as a person reads it: {@code while (i < n)}. */
  dev.weft.analyzer.findings.Witness headerWitness() {
    String code;
    if (loop instanceof WhileStmt w) code = "while (" + ctx.code(w.getCondition()) + ")";
    else if (loop instanceof DoStmt d) code = "do … while (" + ctx.code(d.getCondition()) + ")";
    else if (loop instanceof ForEachStmt fe) code = "for (" + ctx.code(fe.getVariable()) + " : " + ctx.code(fe.getIterable()) + ")";
    else {
      ForStmt f = (ForStmt) loop;
      code = "for (" + String.join(", ", f.getInitialization().stream().map(ctx::code).toList()) + "; "
          + f.getCompare().map(ctx::code).orElse("") + "; " + String.join(", ", f.getUpdate().stream().map(ctx::code).toList()) + ")";
    }
    return dev.weft.analyzer.findings.Witness.at(ctx.location(loop), code);
  }

  private void scanControl() {
    for (Node n : body.findAll(Node.class)) {
      if (insideNestedCallable(n)) continue;
      if (n instanceof BreakStmt b) {
        if (b.getLabel().isPresent() ? !labelInside(b.getLabel().get().asString(), b, false) : !innerBreakTarget(b)) {
          blockers.add(EarlyExit.of("break leaves the loop early", ctx.witness(b)));
        }
      } else if (n instanceof ContinueStmt c && c.getLabel().isPresent() && !labelInside(c.getLabel().get().asString(), c, true)) {
        blockers.add(EarlyExit.of("continue " + c.getLabel().get() + " jumps out of the loop", ctx.witness(c)));
      } else if (n instanceof ReturnStmt r) {
        blockers.add(EarlyExit.of("return leaves the loop early", ctx.witness(r)));
      } else if (n instanceof ThrowStmt t) {
        blockers.add(EarlyExit.of("throw leaves the loop early", ctx.witness(t)));
        blockers.add(ThrowsException.of("the loop throws explicitly", ctx.witness(t)));
      } else if (n instanceof SynchronizedStmt s) {
        blockers.add(Synchronization.of("synchronized block in the loop", ctx.witness(s).location().line() > 0
            ? dev.weft.analyzer.findings.Witness.at(ctx.location(s), "synchronized (" + ctx.code(s.getExpression()) + ")") : ctx.witness(s)));
      }
    }
  }

  /** Inside a lambda or a local/anonymous class declared in the body: returns there do not leave the loop. */
  private boolean insideNestedCallable(Node n) {
    for (Node c = n.getParentNode().orElse(null); c != null && c != loop; c = c.getParentNode().orElse(null)) {
      if (c instanceof LambdaExpr || c instanceof TypeDeclaration<?> || (c instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) return true;
    }
    return false;
  }

  private boolean innerBreakTarget(BreakStmt b) {
    for (Node c = b.getParentNode().orElse(null); c != null && c != loop; c = c.getParentNode().orElse(null)) {
      if (WorkEstimator.isLoop(c) || c instanceof SwitchStmt) return true;
    }
    return false;
  }

  private boolean labelInside(String label, Node jump, boolean isContinue) {
    for (Node c = jump.getParentNode().orElse(null); c != null; c = c.getParentNode().orElse(null)) {
      if (c instanceof LabeledStmt l && l.getLabel().asString().equals(label)) {
        if (isContinue && l.getStatement() == loop) return true;
        return c.isDescendantOf(body) || c == body;
      }
      if (c == loop) {
        Node p = loop.getParentNode().orElse(null);
        if (isContinue && p instanceof LabeledStmt l && l.getLabel().asString().equals(label)) return true;
        return false;
      }
    }
    return false;
  }

  // ---- names and writes -----------------------------------------------------------------------

  private boolean declaredInLoop(Node decl) {
    return decl != null && (decl == loop || decl.isDescendantOf(loop));
  }

  Names.Ref ref(NameExpr n) {
    return refs.computeIfAbsent(n, Names::classify);
  }

  private void scanNames() {
    for (NameExpr n : body.findAll(NameExpr.class)) {
      Node parent = n.getParentNode().orElse(null);
      // Type names used as scopes (Math.max, System.out) are left to the call and field checks.
      if ((parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == n).isPresent())
          || (parent instanceof FieldAccessExpr fa && fa.getScope() == n)) {
        if (Names.findLocal(n, n.getNameAsString()) == null) continue;
      }
      Names.Ref r = ref(n);
      if (r.kind() == Names.Kind.LOCAL && !declaredInLoop(r.declaration())) {
        outerUses.computeIfAbsent(r.declaration(), k -> new ArrayList<>()).add(n);
      } else if (r.kind() == Names.Kind.UNRESOLVED && !Character.isUpperCase(n.getNameAsString().charAt(0))) {
        blockers.add(UnresolvedSymbol.of("cannot resolve " + n, ctx.witness(n)));
      }
    }
  }

  private void scanWrites() {
    for (Node n : body.findAll(Node.class)) {
      Expression target;
      if (n instanceof AssignExpr a) target = a.getTarget();
      else if (n instanceof UnaryExpr u && Names.isIncrement(u)) target = u.getExpression();
      else continue;
      while (target instanceof com.github.javaparser.ast.expr.EnclosedExpr e) target = e.getInner();
      if (target instanceof NameExpr name) {
        Names.Ref r = ref(name);
        switch (r.kind()) {
          case LOCAL -> {
            if (!declaredInLoop(r.declaration())) outerWrites.computeIfAbsent(r.declaration(), k -> new ArrayList<>()).add(n);
          }
          case FIELD, STATIC_FIELD -> blockers.add(WritesSharedField.of(
              "writes the " + (r.kind() == Names.Kind.STATIC_FIELD ? "static " : "") + "field " + name, ctx.witness(n)));
          case UNRESOLVED -> blockers.add(UnresolvedSymbol.of("cannot resolve " + name, ctx.witness(n)));
          default -> { }
        }
      } else if (target instanceof FieldAccessExpr fa) {
        if (!(fa.getScope() instanceof NameExpr s && isFreshInIteration(s))) {
          blockers.add(WritesSharedField.of("writes the field " + fa, ctx.witness(n)));
        }
      }
    }
    for (ArrayAccessExpr a : body.findAll(ArrayAccessExpr.class)) {
      if (a.getParentNode().filter(p -> p instanceof ArrayAccessExpr pa && pa.getName() == a).isPresent()) continue;
      Node p = a.getParentNode().orElse(null);
      boolean write = (p instanceof AssignExpr as && as.getTarget() == a) || (p instanceof UnaryExpr u && Names.isIncrement(u));
      boolean read = !(p instanceof AssignExpr as && as.getTarget() == a && as.getOperator() == AssignExpr.Operator.ASSIGN);
      List<Expression> subs = new ArrayList<>();
      Expression cur = a;
      while (cur instanceof ArrayAccessExpr aa) {
        subs.add(0, aa.getIndex());
        cur = aa.getName();
      }
      // A row alias `double[] row = m[i];` declared in the body stands for m[i].
      if (cur instanceof NameExpr rn) {
        Names.Ref r = ref(rn);
        if (r.kind() == Names.Kind.LOCAL && declaredInLoop(r.declaration()) && Names.effectivelyFinal(r.declaration(), rn.getNameAsString())
            && Names.initializer(r.declaration()).filter(i -> i instanceof ArrayAccessExpr).isPresent()) {
          Expression init = Names.initializer(r.declaration()).get();
          List<Expression> prefix = new ArrayList<>();
          while (init instanceof ArrayAccessExpr aa) {
            prefix.add(0, aa.getIndex());
            init = aa.getName();
          }
          prefix.addAll(subs);
          subs = prefix;
          cur = init;
        }
      }
      arrays.add(new ArrayUse(a, baseOf(cur), subs, read, write));
    }
  }

  Base baseOf(Expression e) {
    if (e instanceof NameExpr n) {
      Names.Ref r = ref(n);
      return switch (r.kind()) {
        case LOCAL -> new Base("local:" + System.identityHashCode(r.declaration()), n.toString(), r.declaration(),
            declaredInLoop(r.declaration()) ? Base.Kind.BODY_LOCAL : Base.Kind.OUTER_LOCAL);
        case FIELD, STATIC_FIELD -> new Base("field:" + n, n.toString(), null, Base.Kind.FIELD);
        default -> new Base("expr:" + n, n.toString(), null, Base.Kind.UNKNOWN);
      };
    }
    if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
      return new Base("field:" + fa.getNameAsString(), fa.toString(), null, Base.Kind.FIELD);
    }
    return new Base("expr:" + e, e.toString(), null, Base.Kind.UNKNOWN);
  }

  /** A local declared in the body and allocated there with {@code new}: owned by the iteration. */
  boolean isFreshInIteration(NameExpr n) {
    Names.Ref r = ref(n);
    if (r.kind() != Names.Kind.LOCAL || !declaredInLoop(r.declaration()) || !(r.declaration() instanceof VariableDeclarator)) return false;
    Optional<Expression> init = Names.initializer(r.declaration());
    return init.filter(i -> i instanceof ObjectCreationExpr || i instanceof ArrayCreationExpr || i instanceof ArrayInitializerExpr).isPresent()
        && Names.assignmentsOf(r.declaration(), n.getNameAsString()).isEmpty();
  }

  /** An outer local array allocated with {@code new} and never copied elsewhere: no other name reaches it. */
  boolean isFreshOuterArray(Node decl, String name) {
    if (!(decl instanceof VariableDeclarator)) return false;
    Optional<Expression> init = Names.initializer(decl);
    if (init.filter(i -> i instanceof ArrayCreationExpr || i instanceof ArrayInitializerExpr).isEmpty()) return false;
    if (!Names.assignmentsOf(decl, name).isEmpty()) return false;
    for (NameExpr use : Names.enclosingCallable(decl).findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(name) || Names.findLocal(use, name) != decl) continue;
      Node p = use.getParentNode().orElse(null);
      boolean copied = (p instanceof AssignExpr a && a.getValue() == use) || (p instanceof VariableDeclarator)
          || p instanceof ArrayInitializerExpr || p instanceof ConditionalExpr || p instanceof LambdaExpr
          || ((p instanceof MethodCallExpr m && m.getArguments().contains(use) || p instanceof ObjectCreationExpr) && !use.isDescendantOf(loop));
      if (copied) return false;
    }
    return true;
  }

  /** Rows of a fresh `new T[n][m]` allocation whose rows are never replaced. */
  private boolean rowsDistinct(Base b, int depth) {
    if (b.kind() != Base.Kind.OUTER_LOCAL || !isFreshOuterArray(b.decl(), b.display())) return false;
    Expression init = Names.initializer(b.decl()).get();
    if (!(init instanceof ArrayCreationExpr ac) || ac.getLevels().size() < depth) return false;
    for (int i = 0; i < depth; i++) if (ac.getLevels().get(i).getDimension().isEmpty()) return false;
    for (AssignExpr a : Names.enclosingCallable(b.decl()).findAll(AssignExpr.class)) {
      Expression t = a.getTarget();
      int level = 0;
      while (t instanceof ArrayAccessExpr aa) {
        level++;
        t = aa.getName();
      }
      if (level > 0 && level < depth + 1 && t instanceof NameExpr n && n.getNameAsString().equals(b.display())) return false;
    }
    return true;
  }

  // ---- accumulators ---------------------------------------------------------------------------

  private void objectAccumulators() {
    Map<Node, List<ObjectAccumulators.Update>> updates = new LinkedHashMap<>();
    for (ExpressionStmt s : body.findAll(ExpressionStmt.class)) {
      Optional<ObjectAccumulators.Update> u = ObjectAccumulators.of(s);
      if (u.isEmpty()) continue;
      Names.Ref r = ref(u.get().receiverUse());
      if (r.kind() == Names.Kind.LOCAL && declaredInLoop(r.declaration())) continue;
      if (r.kind() != Names.Kind.LOCAL || !ObjectAccumulators.isFreshObject(r.declaration(), r.name(), u.get().shape())) {
        // A known update of a JDK collection every iteration shares: the write is certain, no summary needed.
        if (u.get().operator() != null && r.kind() != Names.Kind.UNRESOLVED && ObjectAccumulators.isJdkCollection(u.get().receiverUse(), u.get().shape())) {
          accumulatorCalls.addAll(u.get().calls());
          blockers.add(dev.weft.analyzer.findings.blockers.CallsImpureMethod.of(ctx.code(u.get().statement().getExpression())
              + " updates " + r.name() + ", which every iteration shares" + (r.kind() != Names.Kind.LOCAL ? ""
                  : ObjectAccumulators.isAccessOrderedMap(r.declaration())
                      ? " (an access-ordered LinkedHashMap: every access moves its key to the end, which per-task maps cannot reproduce)"
                      : " (it is not a fresh local object)"),
              ctx.witness(u.get().statement().getExpression())));
        }
        continue;
      }
      updates.computeIfAbsent(r.declaration(), k -> new ArrayList<>()).add(u.get());
    }
    for (Map.Entry<Node, List<ObjectAccumulators.Update>> e : updates.entrySet()) {
      List<ObjectAccumulators.Update> us = e.getValue();
      ObjectAccumulators.Update first = us.get(0);
      String name = first.receiver();
      for (ObjectAccumulators.Update u : us) accumulatorCalls.addAll(u.calls());
      Set<Node> inUpdates = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (ObjectAccumulators.Update u : us) {
        for (MethodCallExpr c : u.calls()) c.getScope().ifPresent(inUpdates::add);
      }
      String problem = null;
      Node where = null;
      for (NameExpr use : outerUses.getOrDefault(e.getKey(), List.of())) {
        if (!inUpdates.contains(use)) {
          problem = name + " is also read in the loop, so its appends cannot be split";
          where = enclosingStatement(use);
          break;
        }
        if (use.findAncestor(LambdaExpr.class).filter(l -> l.isDescendantOf(loop)).isPresent()) {
          problem = name + " is used in a lambda inside the loop";
          where = use;
          break;
        }
      }
      for (ObjectAccumulators.Update u : us) {
        if (problem != null) break;
        if (u.shape() != first.shape()) {
          problem = name + " is updated in two different ways";
          where = u.statement();
        } else if (u.operator() == null) {
          problem = name + " is updated with a function not known to be associative, or from a default that is not its identity";
          where = u.statement();
        } else if (!u.operator().equals(first.operator())) {
          problem = name + " is updated with both " + first.operator() + " and " + u.operator();
          where = u.statement();
        } else {
          for (MethodCallExpr c : u.calls()) {
            for (Expression arg : c.getArguments()) {
              for (NameExpr n : arg.findAll(NameExpr.class)) {
                if (n.getNameAsString().equals(name) && !inUpdates.contains(n)) {
                  problem = name + " is read while it is updated";
                  where = u.statement();
                }
                Names.Ref r = ref(n);
                if (problem == null && r.kind() == Names.Kind.LOCAL && outerWrites.containsKey(r.declaration())) {
                  problem = name + "'s update reads " + n + ", which the loop also changes";
                  where = u.statement();
                }
              }
            }
          }
        }
      }
      if (problem != null) {
        blockers.add(LoopCarriedDependence.of(problem, ctx.witness(where)));
        continue;
      }
      String type = Names.declaredType(e.getKey());
      accumulators.add(new Accumulator(name, type, first.shape(), first.operator(), first.identity()));
      boolean fp = us.stream().anyMatch(ObjectAccumulators.Update::floatingPoint) || type.contains("Double") || type.contains("Float");
      switch (first.shape()) {
        case LIST_APPEND -> {
          promote(RegionKind.ORDERED_APPEND);
          facts.add(name + " is a fresh local list the loop only appends to: per-task lists are concatenated in index order");
        }
        case BUILDER_APPEND -> {
          promote(RegionKind.ORDERED_APPEND);
          facts.add(name + " is a fresh local builder the loop only appends to: per-task builders are joined in index order");
        }
        default -> {
          promote(RegionKind.KEYED_REDUCTION);
          if (fp && (first.operator().equals("+") || first.operator().equals("*") || first.operator().contains("sum"))) {
            floatingPoint(name, first.statement());
          }
          facts.add(name + " is a fresh local map the loop only updates with the associative " + first.operator()
              + ": per-task maps are merged in index order");
        }
      }
    }
  }

  private void floatingPoint(String name, Node where) {
    if (ctx.options().allowFpReassociation()) {
      needsFp = true;
      facts.add(name + " is a floating-point reduction: reassociated with the user's opt-in (same bits on every run, may differ from sequential)");
    } else {
      blockers.add(FloatingPointReduction.of(name + " is a floating-point " + "reduction: parallel sums may differ in the last bits",
          ctx.witness(where)));
    }
  }

  private void promote(RegionKind k) {
    if (rank(k) > rank(kind)) kind = k;
  }

  private static int rank(RegionKind k) {
    return switch (k) {
      case KEYED_REDUCTION -> 5;
      case ORDERED_APPEND -> 4;
      case ARRAY_REDUCTION -> 3;
      case REDUCTION -> 2;
      default -> 1;
    };
  }

  private void scalars() {
    for (Map.Entry<Node, List<Node>> e : outerWrites.entrySet()) {
      Node decl = e.getKey();
      String name = decl instanceof VariableDeclarator v ? v.getNameAsString() : ((Parameter) decl).getNameAsString();
      List<NameExpr> uses = outerUses.getOrDefault(decl, List.of());
      String type = Names.declaredType(decl);
      if (type.equals("var")) {
        try {
          type = ((VariableDeclarator) decl).getType().resolve().describe();
        } catch (RuntimeException ex) {
          blockers.add(UnresolvedSymbol.of("cannot resolve the type of " + name, ctx.witness(decl)));
          continue;
        }
      }
      ScalarReduction.Outcome r = ScalarReduction.recognize(name, type, uses,
          n -> { Names.Ref x = ref(n); return x.kind() == Names.Kind.LOCAL && outerWrites.containsKey(x.declaration()); }, loop);
      if (r.accumulator() != null) {
        if (r.conditionalFpForm()) {
          blockers.add(FloatingPointReduction.of("the if (e > " + name + ") " + name + " = e form on " + type
              + " is not associative once NaN occurs: use Math.max/Math.min", ctx.witness(r.where())));
          continue;
        }
        String op = r.accumulator().operator();
        if (op.equals("&&") || op.equals("||")) {
          Blocker b = ShortCircuitOperands.check(ctx, loop, canonical, name, type);
          if (b != null) {
            blockers.add(b);
            continue;
          }
          facts.add(name + " = " + name + " " + op + " …: every short-circuited operand is free of effects and cannot throw"
              + " for any index of the range, so evaluating it after " + name + " is decided is unobservable");
        }
        if (longIndex() && (r.floatingPoint() || FLOATING_TYPES.contains(type.replaceAll("\\s", "")))) {
          blockers.add(NonCanonicalLoop.of(name + " is a floating-point reduction over a long index: the runtime's"
              + " fixed-shape double reduction takes an int range", headerWitness()));
          continue;
        }
        accumulators.add(r.accumulator());
        promote(r.accumulator().shape() == Accumulator.Shape.STRING_CONCAT ? RegionKind.ORDERED_APPEND : RegionKind.REDUCTION);
        facts.add(name + " is a reduction with the associative " + r.accumulator().operator() + " (identity "
            + r.accumulator().identity() + "): per-task values are combined in index order");
        if (r.floatingPoint()) floatingPoint(name, r.where());
        continue;
      }
      String priv = privatisable(decl, name, uses);
      if (priv == null) {
        facts.add("privatised: " + name + " is assigned before it is read in every iteration and not used after the loop");
        continue;
      }
      Node where = e.getValue().get(0);
      blockers.add(LoopCarriedDependence.of(name + " carries a value from one iteration to the next (" + r.failure() + ")",
          ctx.witness(enclosingStatement(where))));
    }
  }

  /**
   * What the runtime cannot run over a long index yet (the transformer refuses these; rejecting them
   * here keeps analyze and rewrite in agreement): steps other than 1, and array, ordered-append and
   * keyed reductions, whose runtime calls take int ranges. Floating-point scalars are caught in scalars().
   */
  private void longIndexLimits() {
    if (!longIndex()) return;
    String step = canonical.shape().step().replaceAll("\\s", "");
    if (!step.equals("1")) {
      blockers.add(NonCanonicalLoop.of("the long index " + canonical.shape().index() + " moves by " + step
          + ": long ranges are split with step 1 only", headerWitness()));
    }
    for (Accumulator a : accumulators) {
      if (a.shape() != Accumulator.Shape.SCALAR && a.shape() != Accumulator.Shape.STRING_CONCAT) {
        blockers.add(NonCanonicalLoop.of(a.variable() + " (" + a.shape().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ") is reduced over a long index: the runtime's array, append and keyed reductions take an int range", headerWitness()));
      }
    }
  }

  private static final Set<String> FLOATING_TYPES = Set.of("double", "float", "Double", "Float", "java.lang.Double", "java.lang.Float");

  /** A counted loop over a {@code long} index: the runtime splits those for forRange and scalar reductions only. */
  private boolean longIndex() {
    return canonical != null && !canonical.shape().enhanced() && "long".equals(canonical.shape().indexType());
  }

  /** Null when the local is written first thing in each iteration and dead after the loop; else why not. */
  private String privatisable(Node decl, String name, List<NameExpr> uses) {
    List<Statement> top = body instanceof BlockStmt b ? b.getStatements() : List.of(body);
    for (Statement s : top) {
      boolean mentions = s.findAll(NameExpr.class).stream().anyMatch(n -> uses.contains(n));
      if (!mentions) continue;
      if (!(s instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN
          && a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)
          && a.getValue().findAll(NameExpr.class).stream().noneMatch(uses::contains))) {
        return "read before it is written";
      }
      break;
    }
    for (NameExpr use : Names.enclosingCallable(decl).findAll(NameExpr.class)) {
      if (use.getNameAsString().equals(name) && !use.isDescendantOf(loop) && Names.findLocal(use, name) == decl) return "used outside the loop";
    }
    for (NameExpr use : uses) if (use.findAncestor(LambdaExpr.class).filter(l -> l.isDescendantOf(loop)).isPresent()) return "captured";
    return null;
  }

  static Node enclosingStatement(Node n) {
    Node c = n;
    while (c != null && !(c instanceof Statement)) c = c.getParentNode().orElse(null);
    return c == null ? n : c;
  }

  // ---- arrays ---------------------------------------------------------------------------------

  private Optional<Affine> affine(Expression e, int depth) {
    return Affine.of(e, x -> affineName(x, depth));
  }

  private Optional<Affine> affineName(Expression x, int depth) {
    OptionalLong c = x instanceof NameExpr ? Constants.value(x) : OptionalLong.empty();
    if (c.isPresent()) return Optional.of(Affine.constant(c.getAsLong()));
    if (x instanceof NameExpr n) {
      Names.Ref r = ref(n);
      if (r.kind() == Names.Kind.LOCAL) {
        if (canonical != null && r.declaration() == canonical.index()) return Optional.of(Affine.variable(Affine.INDEX));
        if (declaredInLoop(r.declaration())) {
          Node d = r.declaration();
          if (d instanceof VariableDeclarator v && v.getParentNode().flatMap(Node::getParentNode).filter(p -> p instanceof ForStmt).isPresent()) {
            String key = "inner:" + n + "@" + ctx.location(d).line();
            innerIndices.put(key, v);
            return Optional.of(Affine.variable(key));
          }
          if (depth < 4 && Names.effectivelyFinal(d, n.getNameAsString()) && Names.initializer(d).isPresent()) {
            return affine(Names.initializer(d).get(), depth + 1);
          }
          return Optional.empty();
        }
        if (outerWrites.containsKey(r.declaration())) return Optional.empty();
        return Optional.of(Affine.variable("sym:" + n));
      }
      if (r.kind() == Names.Kind.FIELD || r.kind() == Names.Kind.STATIC_FIELD) {
        if (fieldWrittenInLoop(n.getNameAsString())) return Optional.empty();
        return Optional.of(Affine.variable("sym:" + n));
      }
      return Optional.empty();
    }
    if (x instanceof FieldAccessExpr fa) {
      if (fa.getNameAsString().equals("length") && fa.getScope() instanceof NameExpr arr) {
        Names.Ref r = ref(arr);
        if (r.kind() == Names.Kind.LOCAL && (declaredInLoop(r.declaration()) || outerWrites.containsKey(r.declaration()))) return Optional.empty();
        return Optional.of(Affine.variable("sym:" + fa));
      }
      if (fa.getScope() instanceof ThisExpr && !fieldWrittenInLoop(fa.getNameAsString())) return Optional.of(Affine.variable("sym:" + fa.getNameAsString()));
    }
    return Optional.empty();
  }

  private boolean fieldWrittenInLoop(String name) {
    for (AssignExpr a : body.findAll(AssignExpr.class)) {
      Expression t = a.getTarget();
      if (t instanceof NameExpr n && n.getNameAsString().equals(name)) return true;
      if (t instanceof FieldAccessExpr f && f.getNameAsString().equals(name)) return true;
    }
    return false;
  }

  private void arrays() {
    Map<String, List<ArrayUse>> byBase = new LinkedHashMap<>();
    for (ArrayUse u : arrays) byBase.computeIfAbsent(u.base().key(), k -> new ArrayList<>()).add(u);
    DependenceTest.Space space = canonical == null ? DependenceTest.Space.unknown(1) : canonical.space();
    Set<String> reported = new TreeSet<>();
    for (Map.Entry<String, List<ArrayUse>> e : byBase.entrySet()) {
      List<ArrayUse> uses = e.getValue();
      Base base = uses.get(0).base();
      List<ArrayUse> writes = uses.stream().filter(ArrayUse::write).toList();
      if (writes.isEmpty()) continue;
      if (base.kind() == Base.Kind.BODY_LOCAL) {
        if (isFreshBodyArray(base)) continue;
        blockers.add(LoopCarriedDependence.of("cannot prove which array " + base.display() + " is, so writes through it may meet other iterations",
            ctx.witness(writes.get(0).node())));
        continue;
      }
      if (base.kind() == Base.Kind.UNKNOWN) {
        blockers.add(LoopCarriedDependence.of("cannot name the array written by " + ctx.code(writes.get(0).node())
            + ", so its elements cannot be proven distinct across iterations", ctx.witness(writes.get(0).node())));
        continue;
      }
      // Same array: every write against every access.
      String dependence = null;
      Node where = null;
      boolean aliasOnly = false;
      List<String> proofs = new ArrayList<>();
      outer:
      for (ArrayUse w : writes) {
        for (ArrayUse a : uses) {
          Pair p = pair(w, a, space, base);
          if (p.independent) {
            if (p.reason != null) proofs.add(p.reason);
            continue;
          }
          dependence = p.reason;
          aliasOnly = p.rowsMayAlias;
          where = a == w ? w.node() : (positionOf(a.node()) > positionOf(w.node()) ? a.node() : w.node());
          if (a != w && !a.write()) where = a.node();
          break outer;
        }
      }
      if (dependence != null) {
        Optional<Accumulator> red = aliasOnly ? Optional.empty() : arrayReduction(base, uses);
        if (red.isPresent()) continue;
        if (aliasOnly) {
          blockers.add(MayAlias.of("the rows of " + base.display() + " may be the same array: " + dependence, ctx.witness(where)));
        } else {
          blockers.add(LoopCarriedDependence.of(base.display() + ": " + dependence, ctx.witness(where)));
        }
        continue;
      }
      String proof = proofs.stream().distinct().findFirst().orElse("distinct");
      facts.add(ctx.code(writes.get(0).node()) + " is written at a different element in every iteration (" + proof + ")");
    }
    // Different names that may be the same array.
    List<String> keys = new ArrayList<>(byBase.keySet());
    for (String wk : keys) {
      List<ArrayUse> ws = byBase.get(wk).stream().filter(ArrayUse::write).toList();
      Base wb = byBase.get(wk).get(0).base();
      if (ws.isEmpty() || wb.kind() == Base.Kind.UNKNOWN || wb.kind() == Base.Kind.BODY_LOCAL) continue;
      if (accumulators.stream().anyMatch(acc -> acc.variable().equals(wb.display()) && acc.shape() == Accumulator.Shape.ARRAY)) continue;
      for (String ok : keys) {
        if (ok.equals(wk)) continue;
        Base ob = byBase.get(ok).get(0).base();
        if (ob.kind() == Base.Kind.BODY_LOCAL && isFreshBodyArray(ob)) continue;
        if (provablyDistinct(wb, ob, ws.get(0), byBase.get(ok).get(0))) continue;
        String pairKey = wk.compareTo(ok) < 0 ? wk + "|" + ok : ok + "|" + wk;
        if (!reported.add(pairKey)) continue;
        boolean conflict = false;
        for (ArrayUse w : ws) {
          for (ArrayUse a : byBase.get(ok)) {
            if (w.subscripts().size() != a.subscripts().size() || !pair(w, a, space, wb).independent) conflict = true;
          }
        }
        if (!conflict) continue;
        String tw = elementType(ws.get(0)), to = elementType(byBase.get(ok).get(0));
        // a != b must compile: the guard is only offered for arrays of the same element type
        boolean simple = (wb.kind() == Base.Kind.OUTER_LOCAL || wb.kind() == Base.Kind.FIELD)
            && (ob.kind() == Base.Kind.OUTER_LOCAL || ob.kind() == Base.Kind.FIELD) && tw != null && tw.equals(to)
            && ws.stream().allMatch(w -> w.subscripts().size() == 1) && byBase.get(ok).stream().allMatch(a -> a.subscripts().size() == 1);
        if (simple) {
          checks.add(wb.display() + " != " + ob.display());
          facts.add(wb.display() + " and " + ob.display() + " may be the same array: the parallel version runs only when "
              + wb.display() + " != " + ob.display() + " (checked at run time)");
        } else {
          blockers.add(MayAlias.of(wb.display() + " and " + ob.display() + " may be the same array, and no simple run-time check can tell",
              ctx.witness(byBase.get(ok).get(0).node())));
        }
      }
    }
  }

  private boolean isFreshBodyArray(Base b) {
    return b.decl() instanceof VariableDeclarator v
        && Names.initializer(v).filter(i -> i instanceof ArrayCreationExpr || i instanceof ArrayInitializerExpr).isPresent()
        && Names.assignmentsOf(v, v.getNameAsString()).isEmpty();
  }

  private boolean provablyDistinct(Base x, Base y, ArrayUse xu, ArrayUse yu) {
    if (x.kind() == Base.Kind.OUTER_LOCAL && isFreshOuterArray(x.decl(), x.display())) return true;
    if (y.kind() == Base.Kind.OUTER_LOCAL && isFreshOuterArray(y.decl(), y.display())) return true;
    String tx = elementType(xu), ty = elementType(yu);
    if (tx == null || ty == null) return false;
    boolean px = isPrimitive(tx), py = isPrimitive(ty);
    if (px || py) return !tx.equals(ty) || xu.subscripts().size() != yu.subscripts().size();
    return false;
  }

  static boolean isPrimitive(String t) {
    return Set.of("int", "long", "short", "byte", "char", "boolean", "float", "double").contains(t);
  }

  String elementType(ArrayUse u) {
    try {
      return u.node().calculateResolvedType().describe();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return null;
    }
  }

  private record Pair(boolean independent, String reason, boolean rowsMayAlias) {}

  /** Can write {@code w} and access {@code a} of one array meet in two different iterations? */
  private Pair pair(ArrayUse w, ArrayUse a, DependenceTest.Space space, Base base) {
    int n = Math.min(w.subscripts().size(), a.subscripts().size());
    if (w.subscripts().size() > a.subscripts().size()) {
      // a reads a row reference; w writes inside a row: the row references do not change.
      return new Pair(true, null, false);
    }
    boolean firstDimOnly = false;
    for (int d = n - 1; d >= 0; d--) {
      Optional<Affine> f = affine(w.subscripts().get(d), 0);
      Optional<Affine> g = affine(a.subscripts().get(d), 0);
      if (f.isEmpty() || g.isEmpty()) continue;
      DependenceTest.Result r = DependenceTest.test(f.get(), g.get(), space, symbolicTrips(space), innerRanges());
      if (!r.independent()) continue;
      if (d == n - 1) return new Pair(true, r.reason(), false);
      if (rowsDistinct(base, d + 1)) return new Pair(true, r.reason() + "; the rows of " + base.display() + " are distinct arrays allocated here", false);
      firstDimOnly = true;
    }
    Optional<Affine> f = affine(w.subscripts().get(n - 1), 0);
    Optional<Affine> g = affine(a.subscripts().get(n - 1), 0);
    if (firstDimOnly) return new Pair(false, "rows are not proven distinct", true);
    if (f.isEmpty() || g.isEmpty()) {
      Expression bad = f.isEmpty() ? w.subscripts().get(n - 1) : a.subscripts().get(n - 1);
      return new Pair(false, "the subscript " + bad + " is not affine in the loop index, so the elements cannot be proven distinct", false);
    }
    String shown = a == w ? ctx.code(w.node()) + " in two iterations" : ctx.code(w.node()) + " and " + ctx.code(a.node());
    return new Pair(false, shown + ": " + DependenceTest.test(f.get(), g.get(), space, symbolicTrips(space), innerRanges()).reason(), false);
  }

  /**
   * The ranges of the inner-loop indices seen so far whose loops are {@code for (int j = lo; j < hi;
   * j++)} with {@code lo}, {@code hi} loop-invariant and {@code j} assigned nowhere else: in the
   * body, {@code lo <= j < hi} (unit step and a strict bound: {@code j} cannot wrap around).
   */
  private Map<String, DependenceTest.Range> innerRanges() {
    Map<String, DependenceTest.Range> out = new LinkedHashMap<>();
    for (Map.Entry<String, VariableDeclarator> e : List.copyOf(innerIndices.entrySet())) {
      rangeOf(e.getValue()).ifPresent(r -> out.put(e.getKey(), r));
    }
    return out;
  }

  private Optional<DependenceTest.Range> rangeOf(VariableDeclarator v) {
    if (!(v.getParentNode().flatMap(Node::getParentNode).orElse(null) instanceof ForStmt f)) return Optional.empty();
    String name = v.getNameAsString();
    if (f.getInitialization().size() != 1 || f.getUpdate().size() != 1 || v.getInitializer().isEmpty()) return Optional.empty();
    if (!(f.getInitialization().get(0) instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr vd)
        || vd.getVariables().size() != 1) {
      return Optional.empty();
    }
    if (!(f.getCompare().orElse(null) instanceof com.github.javaparser.ast.expr.BinaryExpr cmp)
        || cmp.getOperator() != com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS
        || !(cmp.getLeft() instanceof NameExpr l) || !l.getNameAsString().equals(name)) {
      return Optional.empty();
    }
    Expression upd = f.getUpdate().get(0);
    boolean unit = upd instanceof UnaryExpr u
        && (u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT)
        && u.getExpression() instanceof NameExpr un && un.getNameAsString().equals(name);
    if (!unit) return Optional.empty();
    List<Expression> assigns = Names.assignmentsOf(v, name);
    if (assigns.size() != 1 || assigns.get(0) != upd) return Optional.empty();
    Optional<Affine> lo = affine(v.getInitializer().get(), 0);
    Optional<Affine> hi = affine(cmp.getRight(), 0);
    if (lo.isEmpty() || hi.isEmpty() || !invariant(lo.get()) || !invariant(hi.get())) return Optional.empty();
    return Optional.of(new DependenceTest.Range(lo.get(), hi.get()));
  }

  /** Only constants and loop-invariant symbols. */
  private static boolean invariant(Affine a) {
    return a.terms().keySet().stream().allMatch(k -> k.startsWith("sym:"));
  }

  /** hi − lo (+1 for inclusive bounds), as an affine form of loop-invariant symbols, for unit steps. */
  private Optional<Affine> symbolicTrips(DependenceTest.Space space) {
    if (space.from() == null) return Optional.empty();
    Optional<Affine> lo = affine(space.from(), 0);
    Optional<Affine> hi = affine(space.to(), 0);
    if (lo.isEmpty() || hi.isEmpty()) return Optional.empty();
    if (lo.get().coefficient(Affine.INDEX) != 0 || hi.get().coefficient(Affine.INDEX) != 0) return Optional.empty();
    return Optional.of(switch (space.comparison()) {
      case "<" -> hi.get().plus(lo.get(), -1);
      case "<=" -> hi.get().plus(lo.get(), -1).plus(Affine.constant(1), 1);
      case ">" -> lo.get().plus(hi.get(), -1);
      default -> lo.get().plus(hi.get(), -1).plus(Affine.constant(1), 1);
    });
  }

  private static int positionOf(Node n) {
    return n.getBegin().map(p -> p.line * 10000 + p.column).orElse(0);
  }

  /** {@code h[k] op= e} everywhere on a fresh local array: each task updates its own copy. */
  private Optional<Accumulator> arrayReduction(Base base, List<ArrayUse> uses) {
    if (base.kind() != Base.Kind.OUTER_LOCAL || !isFreshOuterArray(base.decl(), base.display())) return Optional.empty();
    String op = null;
    Node first = null;
    for (ArrayUse u : uses) {
      if (u.subscripts().size() != 1) return Optional.empty();
      Node p = u.node().getParentNode().orElse(null);
      String o;
      Expression operand = null;
      if (p instanceof UnaryExpr un && Names.isIncrement(un)) o = "+";
      else if (p instanceof AssignExpr a && a.getTarget() == u.node()) {
        operand = a.getValue();
        o = switch (a.getOperator()) {
          case PLUS, MINUS -> "+";
          case MULTIPLY -> "*";
          case BINARY_AND -> "&";
          case BINARY_OR -> "|";
          case XOR -> "^";
          default -> null;
        };
      } else {
        return Optional.empty();
      }
      if (o == null || !(p.getParentNode().orElse(null) instanceof ExpressionStmt)) return Optional.empty();
      if (op != null && !op.equals(o)) return Optional.empty();
      op = o;
      if (first == null) first = p;
      for (Expression sub : u.subscripts()) {
        if (sub.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(base.display()))) return Optional.empty();
      }
      if (operand != null && operand.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(base.display()))) return Optional.empty();
      if (operand != null) {
        // int[] h; h[k] += 1.5 truncates at every step: not a reduction
        String element = Names.declaredType(base.decl()).replace("[]", "").trim();
        if (!element.equals("double") && !element.equals("float")) {
          try {
            String ot = operand.calculateResolvedType().describe();
            if (Set.of("float", "double", "java.lang.Float", "java.lang.Double").contains(ot)) return Optional.empty();
          } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return Optional.empty();
          }
        }
      }
    }
    // Every other mention of the array in the loop must be .length.
    for (NameExpr n : outerUses.getOrDefault(base.decl(), List.of())) {
      Node p = n.getParentNode().orElse(null);
      boolean ok = p instanceof ArrayAccessExpr || (p instanceof FieldAccessExpr fa && fa.getNameAsString().equals("length"));
      if (!ok) return Optional.empty();
    }
    String type = Names.declaredType(base.decl());
    String element = type.replace("[]", "").trim();
    boolean fp = element.equals("double") || element.equals("float");
    if (!isPrimitive(element) || element.equals("boolean")) return Optional.empty();
    Accumulator acc = new Accumulator(base.display(), type, Accumulator.Shape.ARRAY, op, ScalarReduction.identity(element, op));
    accumulators.add(acc);
    promote(RegionKind.ARRAY_REDUCTION);
    facts.add(base.display() + " is an array reduction (" + ctx.code(first) + "): each task updates a private copy, merged with " + op);
    if (fp && (op.equals("+") || op.equals("*"))) floatingPoint(base.display(), first);
    return Optional.of(acc);
  }

  // ---- captures ---------------------------------------------------------------------------------

  private List<String> captures() {
    Set<String> out = new TreeSet<>();
    Set<String> acc = new java.util.HashSet<>();
    accumulators.forEach(a -> acc.add(a.variable()));
    for (Map.Entry<Node, List<NameExpr>> e : outerUses.entrySet()) {
      if (outerWrites.containsKey(e.getKey())) continue;
      String name = e.getValue().get(0).getNameAsString();
      if (acc.contains(name)) continue;
      if (!Names.effectivelyFinal(e.getKey(), name)) out.add(name);
    }
    return new ArrayList<>(out);
  }

  // ---- for CallEffects ----------------------------------------------------------------------------

  void block(Blocker b) {
    blockers.add(b);
  }

  void fact(String f) {
    facts.add(f);
  }

  Statement loop() {
    return loop;
  }

  /** Bases of arrays and objects the loop writes that other iterations can see. */
  Set<String> sharedWrittenKeys() {
    Set<String> keys = new java.util.HashSet<>();
    for (ArrayUse u : arrays) {
      if (u.write() && !(u.base().kind() == Base.Kind.BODY_LOCAL && isFreshBodyArray(u.base()))) keys.add(u.base().key());
    }
    return keys;
  }

  /** Element types of shared arrays the loop writes, excluding fresh outer locals no callee can reach. */
  Set<String> reachableWrittenElementTypes() {
    Set<String> types = new java.util.HashSet<>();
    for (ArrayUse u : arrays) {
      if (!u.write()) continue;
      Base b = u.base();
      if (b.kind() == Base.Kind.BODY_LOCAL && isFreshBodyArray(b)) continue;
      if (b.kind() == Base.Kind.OUTER_LOCAL && isFreshOuterArray(b.decl(), b.display())) continue;
      String t = elementType(u);
      types.add(t == null ? "?" : t);
    }
    return types;
  }

  static boolean isLoop(Node n) {
    return WorkEstimator.isLoop(n);
  }

  /**
   * A call reads elements of {@code read}, an array the loop does not write under that name: it may
   * still be one the loop writes under another. Guarded by {@code w != read} when both are simple
   * names, otherwise a dependence we cannot exclude.
   */
  void readThroughCall(Base read, Node call, String who) {
    if (read.kind() == Base.Kind.BODY_LOCAL && isFreshBodyArray(read)) return;
    if (read.kind() == Base.Kind.OUTER_LOCAL && isFreshOuterArray(read.decl(), read.display())) return;
    Set<String> seen = new java.util.HashSet<>();
    for (ArrayUse u : arrays) {
      Base w = u.base();
      if (!u.write() || !seen.add(w.key())) continue;
      if (w.kind() == Base.Kind.BODY_LOCAL && isFreshBodyArray(w)) continue;
      if (w.kind() == Base.Kind.OUTER_LOCAL && isFreshOuterArray(w.decl(), w.display())) continue;
      String tw = w.decl() == null ? null : Names.declaredType(w.decl()).replaceAll("\\s", "");
      String tr = read.decl() == null ? null : Names.declaredType(read.decl()).replaceAll("\\s", "");
      if (tw != null && tr != null && !tw.equals(tr) && (isPrimitive(tw.replace("[]", "")) || isPrimitive(tr.replace("[]", "")))) continue;
      boolean simple = w.kind() == Base.Kind.OUTER_LOCAL && read.kind() == Base.Kind.OUTER_LOCAL && tw != null && tw.equals(tr)
          && u.subscripts().size() == 1;
      if (simple) {
        checks.add(w.display() + " != " + read.display());
        facts.add(who + " reads " + read.display() + ", which may be " + w.display() + ": the parallel version runs only when "
            + w.display() + " != " + read.display());
      } else {
        blockers.add(LoopCarriedDependence.of(who + " reads elements of " + read.display() + ", which may be the array "
            + w.display() + " the loop writes", ctx.witness(call)));
      }
    }
  }
}
