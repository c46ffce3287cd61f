package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.constant.ClassConstant;
import sootup.core.jimple.common.constant.StringConstant;
import sootup.core.jimple.common.expr.AbstractInstanceInvokeExpr;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JCastExpr;
import sootup.core.jimple.common.expr.JDynamicInvokeExpr;
import sootup.core.jimple.common.expr.JInterfaceInvokeExpr;
import sootup.core.jimple.common.expr.JNewArrayExpr;
import sootup.core.jimple.common.expr.JNewExpr;
import sootup.core.jimple.common.expr.JNewMultiArrayExpr;
import sootup.core.jimple.common.expr.JVirtualInvokeExpr;
import sootup.core.jimple.common.ref.JArrayRef;
import sootup.core.jimple.common.ref.JInstanceFieldRef;
import sootup.core.jimple.common.ref.JParameterRef;
import sootup.core.jimple.common.ref.JStaticFieldRef;
import sootup.core.jimple.common.ref.JThisRef;
import sootup.core.jimple.common.stmt.InvokableStmt;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.JIdentityStmt;
import sootup.core.jimple.common.stmt.JReturnStmt;
import sootup.core.jimple.common.stmt.JThrowStmt;
import sootup.core.jimple.common.stmt.Stmt;
import sootup.core.jimple.javabytecode.stmt.JEnterMonitorStmt;
import sootup.core.signatures.FieldSignature;
import sootup.core.signatures.MethodSignature;
import sootup.core.signatures.MethodSubSignature;
import sootup.core.types.ArrayType;
import sootup.core.types.ClassType;
import sootup.core.types.Type;
import sootup.java.core.JavaSootClass;
import sootup.java.core.JavaSootMethod;
import sootup.java.core.views.JavaView;

/**
 * Effect summaries computed from bytecode with SootUp (DESIGN.md §2, "Effects").
 *
 * <p>Implementation overview. A query resolves a call to its targets ({@link #resolve}): the JDK
 * model answers for the JDK methods it lists; otherwise the implementation is found by a lazy
 * walk up the superclasses (never {@code getTypeHierarchy()}, which scans the whole JDK), and a
 * virtual call adds every override declared in a project class (RTA over project code). The
 * methods reachable from the targets are discovered depth-first with Tarjan's algorithm, whose
 * strongly connected components come out callees first; each component is solved to a fixed
 * point before its callers are analysed. Per method, a flow-insensitive points-to pass over the
 * Jimple maps each local to the objects it may hold ({@link Val}), then every field/array access,
 * monitor, throw and call is recorded against those objects. Calls map the callee's summary onto
 * the caller's arguments.
 *
 * <p>Library and JDK methods outside the model are analysed too, bounded: at most {@link
 * #MAX_LIBRARY_DEPTH} library frames deep and {@link #LIBRARY_BUDGET_NANOS} per entry into library
 * code; past the bound a method is {@link EffectFlag#UNKNOWN} ("analysis bound reached").
 *
 * <p>Limits: static initialisers a call may trigger are not analysed (they run once, before any
 * parallel region could observe them twice); hashCode/equals/compareTo that JDK collections call
 * on their elements are assumed to be pure (the model's rules stand for them); locals are not split
 * by live range, so a local reused for two objects holds both.
 *
 * <p>Not thread-safe: {@link SootUpEffectOracle} serialises queries.
 */
final class BytecodeEffects {

  static final int MAX_LIBRARY_DEPTH = 6;
  static final long LIBRARY_BUDGET_NANOS = 200_000_000L;
  /** Past this, a query stops discovering methods and answers what it has not reached UNKNOWN. */
  static final long QUERY_BUDGET_NANOS = 2_000_000_000L;
  static final String BOUND_REACHED = "analysis bound reached";
  private static final boolean DEBUG = Boolean.getBoolean("weft.effects.debug");

  private final JavaView view;
  private final JdkModel model;
  private final Set<ClassType> projectTypes;

  /** Finished summaries, by method. */
  private final Map<MethodSignature, MethodEffects> done = new HashMap<>();
  private final Map<String, Resolution> resolutions = new HashMap<>();
  private final Map<ClassType, Set<ClassType>> supertypes = new HashMap<>();
  private final Map<String, Optional<JdkModel.Rule>> modelHits = new HashMap<>();
  private Map<MethodSubSignature, List<JavaSootMethod>> projectMethodsBySubSignature;
  private final Set<ClassType> lambdaTypes;

  // Tarjan state of the current query.
  private final Map<MethodSignature, Node> nodes = new HashMap<>();
  private final ArrayDeque<Node> tarjanStack = new ArrayDeque<>();
  private int tarjanIndex;
  private int libraryDepth;
  private long libraryDeadline;
  private long queryDeadline;

  BytecodeEffects(JavaView view, JdkModel model, Set<ClassType> projectTypes, Set<ClassType> lambdaTypes) {
    this.view = view;
    this.model = model;
    this.projectTypes = projectTypes;
    this.lambdaTypes = lambdaTypes;
  }

  /** What a call may do: the join over its possible targets. */
  record Resolution(ImmutableList<MethodEffects> leaves, ImmutableList<JavaSootMethod> targets) {}

  /** A method being discovered and solved. */
  private static final class Node {
    final JavaSootMethod method;
    final String boundReason;
    List<Stmt> stmts;
    int index = -1;
    int low;
    boolean onStack;
    MethodEffects current = MethodEffects.BOTTOM;

    Node(JavaSootMethod method, String boundReason) {
      this.method = method;
      this.boundReason = boundReason;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /** The summary of a call to {@code owner.sub}, dispatched virtually when {@code virtual}. */
  MethodEffects callEffects(ClassType owner, MethodSubSignature sub, boolean virtual, String display) {
    Resolution r = resolve(owner, sub, virtual);
    MethodEffects.Builder b = new MethodEffects.Builder();
    String source = r.targets().isEmpty() ? null : "bytecode";
    for (MethodEffects leaf : r.leaves()) {
      b.addAll(leaf);
      source = source == null ? leaf.source() : source;
    }
    for (JavaSootMethod target : r.targets()) {
      b.addAll(effectsOf(target));
    }
    if (r.leaves().isEmpty() && r.targets().isEmpty()) {
      return MethodEffects.unknown(display, "no implementation found");
    }
    if (b.flags.contains(EffectFlag.UNKNOWN) && r.targets().isEmpty() && r.leaves().size() == 1) {
      return r.leaves().get(0);
    }
    return b.build(source);
  }

  /** Whether {@code sub} in {@code owner} (or inherited by it) is static, private or a constructor. */
  boolean dispatchesStatically(ClassType owner, MethodSubSignature sub) {
    if (sub.getName().equals("<init>") || sub.getName().equals("<clinit>")) {
      return true;
    }
    JavaSootMethod m = findInHierarchy(owner, sub);
    return m != null && (m.isStatic() || m.isPrivate());
  }

  boolean isProject(ClassType type) {
    return projectTypes.contains(type);
  }

  /** The finished summary of one method body, discovering and solving what it reaches first. */
  MethodEffects effectsOf(JavaSootMethod method) {
    MethodEffects known = done.get(method.getSignature());
    if (known != null) {
      return known;
    }
    long start = System.nanoTime();
    libraryDepth = 0;
    libraryDeadline = start + LIBRARY_BUDGET_NANOS;
    queryDeadline = start + QUERY_BUDGET_NANOS;
    try {
      Node root = node(method);
      if (root.index < 0 && !done.containsKey(method.getSignature())) {
        visit(root);
      }
    } finally {
      nodes.clear();
      tarjanStack.clear();
    }
    return done.get(method.getSignature());
  }

  // ---------------------------------------------------------------------------------------------
  // Discovery (Tarjan) and solving

  private Node node(JavaSootMethod method) {
    Node n = nodes.get(method.getSignature());
    if (n == null) {
      String bound = null;
      if (libraryDepth == 0) {
        libraryDeadline = System.nanoTime() + LIBRARY_BUDGET_NANOS; // a new entry into library code
      }
      if (System.nanoTime() > queryDeadline) {
        bound = BOUND_REACHED + " (query over " + QUERY_BUDGET_NANOS / 1_000_000 + " ms)";
      } else if (!isProject(method.getDeclaringClassType())) {
        if (libraryDepth >= MAX_LIBRARY_DEPTH) {
          bound = BOUND_REACHED + " (more than " + MAX_LIBRARY_DEPTH + " library calls deep)";
        } else if (System.nanoTime() > libraryDeadline) {
          bound = BOUND_REACHED + " (over " + LIBRARY_BUDGET_NANOS / 1_000_000 + " ms)";
        }
      }
      n = new Node(method, bound);
      nodes.put(method.getSignature(), n);
    }
    return n;
  }

  private void visit(Node v) {
    v.index = v.low = tarjanIndex++;
    tarjanStack.push(v);
    v.onStack = true;
    boolean library = !isProject(v.method.getDeclaringClassType());
    if (v.boundReason == null && v.method.hasBody() && !v.method.isNative()) {
      v.stmts = v.method.getBody().getStmts();
      if (library) {
        libraryDepth++;
      }
      try {
        for (Stmt s : v.stmts) {
          AbstractInvokeExpr call = invokeOf(s);
          if (call == null || call instanceof JDynamicInvokeExpr) {
            continue;
          }
          for (JavaSootMethod target : resolve(call).targets()) {
            if (done.containsKey(target.getSignature())) {
              continue;
            }
            Node w = node(target);
            if (w.index < 0) {
              visit(w);
              v.low = Math.min(v.low, w.low);
            } else if (w.onStack) {
              v.low = Math.min(v.low, w.index);
            }
          }
        }
      } finally {
        if (library) {
          libraryDepth--;
        }
      }
    }
    if (v.low == v.index) {
      List<Node> component = new ArrayList<>();
      Node w;
      do {
        w = tarjanStack.pop();
        w.onStack = false;
        component.add(w);
      } while (w != v);
      solve(component);
    }
  }

  /**
   * Iterates a strongly connected component to its fixed point (summaries only grow), with a
   * worklist: a member is analysed again only when a member it calls has changed.
   */
  private void solve(List<Node> component) {
    Map<MethodSignature, Node> members = new HashMap<>();
    component.forEach(n -> members.put(n.method.getSignature(), n));
    Map<Node, Set<Node>> callers = new HashMap<>();
    if (component.size() > 1 || selfRecursive(component.get(0))) {
      for (Node n : component) {
        if (n.stmts == null) {
          continue;
        }
        for (Stmt s : n.stmts) {
          AbstractInvokeExpr call = invokeOf(s);
          if (call != null && !(call instanceof JDynamicInvokeExpr)) {
            for (JavaSootMethod t : resolve(call).targets()) {
              Node callee = members.get(t.getSignature());
              if (callee != null) {
                callers.computeIfAbsent(callee, k -> new LinkedHashSet<>()).add(n);
              }
            }
          }
        }
      }
    }
    long start = System.nanoTime();
    int analyses = 0;
    if (DEBUG && component.size() > 10) {
      System.err.printf("effects: solving component of %d methods, e.g. %s, after %d visits%n",
          component.size(), display(component.get(0).method.getSignature()), tarjanIndex);
    }
    ArrayDeque<Node> work = new ArrayDeque<>(component);
    Set<Node> queued = new HashSet<>(component);
    while (!work.isEmpty()) {
      if (System.nanoTime() > queryDeadline + QUERY_BUDGET_NANOS) {
        // Too slow to converge: everything in the component becomes unknown (sound, and final).
        for (Node m : component) {
          m.current = MethodEffects.unknown(display(m.method.getSignature()), BOUND_REACHED + " (fixed point too slow)");
        }
        break;
      }
      Node n = work.poll();
      queued.remove(n);
      MethodEffects next = analyze(n, members);
      analyses++;
      MethodEffects.Builder joined = new MethodEffects.Builder();
      joined.addAll(n.current);
      joined.addAll(next);
      MethodEffects merged = Limits.capped(joined.build(next.source()));
      boolean changed = !merged.sameEffects(n.current);
      n.current = merged;
      if (changed) {
        for (Node caller : callers.getOrDefault(n, Set.of())) {
          if (queued.add(caller)) {
            work.add(caller);
          }
        }
      }
    }
    if (DEBUG && component.size() > 10) {
      System.err.printf("effects: component of %d methods (%s...) solved in %d analyses, %d ms%n",
          component.size(), display(component.get(0).method.getSignature()), analyses, (System.nanoTime() - start) / 1_000_000);
    }
    for (Node n : component) {
      done.put(n.method.getSignature(), n.current);
      n.stmts = null;
    }
  }

  private boolean selfRecursive(Node n) {
    if (n.stmts == null) {
      return false;
    }
    for (Stmt s : n.stmts) {
      AbstractInvokeExpr call = invokeOf(s);
      if (call != null && !(call instanceof JDynamicInvokeExpr)
          && resolve(call).targets().stream().anyMatch(t -> t.getSignature().equals(n.method.getSignature()))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // One method

  private MethodEffects analyze(Node n, Map<MethodSignature, Node> component) {
    JavaSootMethod m = n.method;
    String self = display(m.getSignature());
    if (n.boundReason != null) {
      return MethodEffects.unknown(self, n.boundReason);
    }
    if (m.isNative()) {
      MethodEffects.Builder b = new MethodEffects.Builder();
      b.flag(EffectFlag.NATIVE, List.of(self, "native method"));
      b.returns.add(Val.UNKNOWN);
      b.escapesAll = true;
      return b.build("bytecode");
    }
    if (n.stmts == null) {
      return MethodEffects.unknown(self, m.isAbstract() ? "abstract method" : "no bytecode body");
    }
    MethodAnalysis a = new MethodAnalysis(self, n.stmts, component);
    if (m.isSynchronized()) {
      a.out.flag(EffectFlag.SYNCHRONIZATION, List.of(self, "synchronized method"));
    }
    return a.run();
  }

  /** The points-to and effect passes over one method body. */
  private final class MethodAnalysis {
    final String self;
    final List<Stmt> stmts;
    final Map<MethodSignature, Node> component;
    final Map<Local, Set<Val>> pts = new HashMap<>();
    final Set<Integer> escapedSites = new HashSet<>();
    final MethodEffects.Builder out = new MethodEffects.Builder();
    /** Accesses whose base may be a fresh site, resolved once escapes are known. */
    final List<Pending> pending = new ArrayList<>();
    /** The joined summary of each call statement's targets, computed once per analysis. */
    final Map<Integer, MethodEffects> callees = new HashMap<>();

    record Pending(boolean write, Access.Target target, Val base, String owner, String name, List<String> chain) {}

    MethodAnalysis(String self, List<Stmt> stmts, Map<MethodSignature, Node> component) {
      this.self = self;
      this.stmts = stmts;
      this.component = component;
    }

    MethodEffects run() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < stmts.size(); i++) {
          changed |= pointsTo(i, stmts.get(i));
        }
      }
      for (int i = 0; i < stmts.size(); i++) {
        effects(i, stmts.get(i));
      }
      for (Pending p : pending) {
        Val base = p.base();
        if (base.kind() == Base.Kind.FRESH) {
          if (!escapedSites.contains(base.index())) {
            continue; // an object this call allocated and kept to itself: nobody else can see it
          }
          base = Val.UNKNOWN;
        }
        Access access = new Access(p.target(), base.base(), p.owner(), p.name());
        if (p.write()) {
          out.write(access, p.chain());
        } else {
          out.read(access);
        }
      }
      Set<Val> returns = new LinkedHashSet<>();
      for (Val v : out.returns) {
        if (v.kind() == Base.Kind.FRESH) {
          returns.add(escapedSites.contains(v.index()) ? Val.UNKNOWN : Val.FRESH);
        } else {
          returns.add(v);
        }
      }
      out.returns.clear();
      out.returns.addAll(returns);
      return out.build("bytecode");
    }

    Set<Val> valuesOf(Value v) {
      if (v instanceof Local l) {
        Set<Val> s = pts.get(l);
        return s == null || s.isEmpty() ? Set.of(Val.UNKNOWN) : s;
      }
      if (v instanceof StringConstant || v instanceof ClassConstant) {
        return Set.of(); // immutable and shared: nothing can write them
      }
      return Set.of();
    }

    boolean pointsTo(int i, Stmt s) {
      if (s instanceof JIdentityStmt id) {
        Value r = id.getRightOp();
        Val v = r instanceof JThisRef ? Val.THIS : r instanceof JParameterRef p ? Val.parameter(p.getIndex()) : Val.UNKNOWN;
        return add(id.getLeftOp(), Set.of(v));
      }
      if (!(s instanceof JAssignStmt as) || !(as.getLeftOp() instanceof Local left)) {
        return false;
      }
      Value r = as.getRightOp();
      Set<Val> values;
      if (r instanceof Local l) {
        values = pts.getOrDefault(l, Set.of());
      } else if (r instanceof JCastExpr c) {
        values = c.getOp() instanceof Local l ? pts.getOrDefault(l, Set.of()) : Set.of();
      } else if (r instanceof JNewExpr || r instanceof JNewArrayExpr || r instanceof JNewMultiArrayExpr) {
        values = Set.of(Val.site(i));
      } else if (r instanceof JInstanceFieldRef f) {
        values = load(pts.getOrDefault(f.getBase(), Set.of()), f.getFieldSignature().getName());
      } else if (r instanceof JArrayRef a) {
        values = load(pts.getOrDefault(a.getBase(), Set.of()), "[]");
      } else if (r instanceof JStaticFieldRef) {
        values = Set.of(Val.UNKNOWN);
      } else if (r instanceof AbstractInvokeExpr call) {
        values = new LinkedHashSet<>();
        for (Val v : calleeEffects(i, call).returns()) {
          values.addAll(mapVal(v, call, i));
        }
      } else if (r instanceof StringConstant || r instanceof ClassConstant) {
        values = Set.of(Val.UNKNOWN);
      } else {
        values = Set.of(); // primitives, null, arithmetic
      }
      return add(left, values);
    }

    boolean add(Local l, Set<Val> values) {
      return !values.isEmpty() && pts.computeIfAbsent(l, k -> new LinkedHashSet<>()).addAll(values);
    }

    Set<Val> load(Set<Val> bases, String selector) {
      Set<Val> out = new LinkedHashSet<>();
      for (Val b : bases) {
        out.add(b.load(selector));
      }
      return out;
    }

    void effects(int i, Stmt s) {
      if (s instanceof JEnterMonitorStmt) {
        out.flag(EffectFlag.SYNCHRONIZATION, List.of(self, "synchronized block"));
        return;
      }
      if (s instanceof JThrowStmt) {
        // Not an escape: only the catcher sees the thrown object, and THROWS already keeps the
        // call out of a region. Counting it would make every argument check an unknown write.
        out.flag(EffectFlag.THROWS, List.of(self, "throw statement"));
        return;
      }
      if (s instanceof JReturnStmt r) {
        out.returns.addAll(valuesOf(r.getOp()));
        return;
      }
      if (s instanceof JAssignStmt as) {
        Value left = as.getLeftOp();
        Value right = as.getRightOp();
        if (left instanceof JInstanceFieldRef f) {
          FieldSignature fs = f.getFieldSignature();
          for (Val b : valuesOf(f.getBase())) {
            access(true, Access.Target.INSTANCE_FIELD, b, fs.getDeclClassType().getFullyQualifiedName(), fs.getName(), null);
          }
          escape(valuesOf(right));
        } else if (left instanceof JStaticFieldRef f) {
          FieldSignature fs = f.getFieldSignature();
          Access a = Access.staticField(fs.getDeclClassType().getFullyQualifiedName(), fs.getName());
          out.write(a, List.of(self, "writes " + a));
          escape(valuesOf(right));
        } else if (left instanceof JArrayRef a) {
          for (Val b : valuesOf(a.getBase())) {
            access(true, Access.Target.ARRAY_ELEMENT, b, elementType(a), "[]", null);
          }
          escape(valuesOf(right));
        }
        if (right instanceof JInstanceFieldRef f) {
          FieldSignature fs = f.getFieldSignature();
          for (Val b : valuesOf(f.getBase())) {
            access(false, Access.Target.INSTANCE_FIELD, b, fs.getDeclClassType().getFullyQualifiedName(), fs.getName(), null);
          }
        } else if (right instanceof JStaticFieldRef f) {
          FieldSignature fs = f.getFieldSignature();
          out.read(Access.staticField(fs.getDeclClassType().getFullyQualifiedName(), fs.getName()));
        } else if (right instanceof JArrayRef a) {
          for (Val b : valuesOf(a.getBase())) {
            access(false, Access.Target.ARRAY_ELEMENT, b, elementType(a), "[]", null);
          }
        }
      }
      AbstractInvokeExpr call = invokeOf(s);
      if (call != null) {
        applyCall(i, call);
      }
    }

    /** Records an access through {@code base}; {@code name} is relative to the object reached. */
    void access(boolean write, Access.Target target, Val base, String owner, String name, List<String> chain) {
      String full = base.path().isEmpty() ? name : joinPath(base.path(), name);
      Val root = base;
      if (base.kind() == Base.Kind.FRESH && !base.path().isEmpty()) {
        root = Val.UNKNOWN;
      }
      List<String> why = chain;
      if (why == null) {
        Access shown = new Access(target, root.base(), owner, full);
        why = List.of(self, (write ? "writes " : "reads ") + describe(shown));
      }
      pending.add(new Pending(write, target, root, owner, full, why));
    }

    void escape(Set<Val> values) {
      for (Val v : values) {
        switch (v.kind()) {
          case FRESH -> escapedSites.add(v.index());
          case THIS -> out.escapes.add(-1);
          case PARAMETER -> out.escapes.add(v.index());
          case UNKNOWN -> { }
        }
      }
    }

    MethodEffects calleeEffects(int site, AbstractInvokeExpr call) {
      return callees.computeIfAbsent(site, k -> joinedCallees(call));
    }

    MethodEffects joinedCallees(AbstractInvokeExpr call) {
      if (call instanceof JDynamicInvokeExpr dyn) {
        return dynamicEffects(dyn);
      }
      Resolution r = resolve(call);
      MethodEffects.Builder b = new MethodEffects.Builder();
      String display = display(call.getMethodSignature());
      if (r.leaves().isEmpty() && r.targets().isEmpty()) {
        return MethodEffects.unknown(display, "no implementation found");
      }
      r.leaves().forEach(b::addAll);
      for (JavaSootMethod t : r.targets()) {
        MethodEffects e = done.get(t.getSignature());
        if (e == null) {
          Node member = component.get(t.getSignature());
          e = member != null ? member.current : MethodEffects.unknown(display(t.getSignature()), BOUND_REACHED);
        }
        b.addAll(e);
      }
      return b.build("bytecode");
    }

    void applyCall(int site, AbstractInvokeExpr call) {
      MethodEffects callee = calleeEffects(site, call);
      for (Access a : callee.writes()) {
        List<String> calleeChain = callee.chains().getOrDefault(a.toString(), ImmutableList.of("writes " + a));
        mapAccess(site, call, a, true, prefix(calleeChain));
      }
      for (Access a : callee.reads()) {
        mapAccess(site, call, a, false, null);
      }
      for (EffectFlag f : callee.flags()) {
        out.flag(f, prefix(callee.chains().getOrDefault(f.name(), ImmutableList.of(f.name()))));
      }
      if (callee.escapesAll()) {
        if (call instanceof AbstractInstanceInvokeExpr inst) {
          escape(valuesOf(inst.getBase()));
        }
        call.getArgs().forEach(arg -> escape(valuesOf(arg)));
      } else {
        for (int k : callee.escapes()) {
          if (k == -1 && call instanceof AbstractInstanceInvokeExpr inst) {
            escape(valuesOf(inst.getBase()));
          } else if (k >= 0 && k < call.getArgCount()) {
            escape(valuesOf(call.getArg(k)));
          }
        }
      }
    }

    List<String> prefix(List<String> chain) {
      List<String> c = new ArrayList<>(chain.size() + 1);
      c.add(self);
      c.addAll(chain);
      return c;
    }

    void mapAccess(int site, AbstractInvokeExpr call, Access a, boolean write, List<String> chain) {
      switch (a.base().kind()) {
        case FRESH -> { } // the callee's own allocation: nobody else sees it
        case UNKNOWN -> {
          if (a.target() == Access.Target.STATIC_FIELD) {
            if (write) {
              out.write(a, chain);
            } else {
              out.read(a);
            }
          } else {
            pending.add(new Pending(write, a.target(), Val.UNKNOWN, a.owner(), a.name(), chain));
          }
        }
        case THIS, PARAMETER -> {
          Val calleeBase = a.base().kind() == Base.Kind.THIS ? Val.THIS : Val.parameter(a.base().parameter());
          boolean deep = isDeep(a);
          for (Val v : mapVal(calleeBase, call, site)) {
            if (v.kind() == Base.Kind.FRESH && deep) {
              v = Val.UNKNOWN;
            }
            String name = v.path().isEmpty() ? a.name() : joinPath(v.path(), a.name());
            pending.add(new Pending(write, a.target(), new Val(v.kind(), v.index(), ""), a.owner(), name, chain));
          }
        }
      }
    }

    /** The caller's objects for a value of the callee. */
    Set<Val> mapVal(Val v, AbstractInvokeExpr call, int site) {
      Set<Val> roots;
      switch (v.kind()) {
        case THIS -> roots = call instanceof AbstractInstanceInvokeExpr inst ? valuesOf(inst.getBase()) : Set.of(Val.UNKNOWN);
        case PARAMETER -> roots = v.index() < call.getArgCount() ? valuesOf(call.getArg(v.index())) : Set.of(Val.UNKNOWN);
        case FRESH -> {
          return Set.of(Val.site(site));
        }
        default -> {
          return Set.of(Val.UNKNOWN);
        }
      }
      if (v.path().isEmpty()) {
        return roots;
      }
      Set<Val> out = new LinkedHashSet<>();
      for (Val r : roots) {
        out.add(switch (r.kind()) {
          case THIS, PARAMETER -> new Val(r.kind(), r.index(), r.path().isEmpty() ? v.path() : joinPath(r.path(), v.path()));
          default -> Val.UNKNOWN;
        });
      }
      return out;
    }
  }

  private MethodEffects dynamicEffects(JDynamicInvokeExpr dyn) {
    String bootstrap = dyn.getBootstrapMethodSignature().getDeclClassType().getFullyQualifiedName();
    MethodEffects.Builder b = new MethodEffects.Builder();
    switch (bootstrap) {
      case "java.lang.invoke.StringConcatFactory" -> b.returns.add(Val.FRESH);
      case "java.lang.invoke.LambdaMetafactory" -> {
        // The lambda object is new and holds the captured values: they escape into it.
        b.returns.add(Val.FRESH);
        b.escapesAll = true;
      }
      default -> {
        return MethodEffects.unknown("invokedynamic " + dyn.getMethodSignature().getName(), "bootstrap " + bootstrap);
      }
    }
    return b.build("model");
  }

  // ---------------------------------------------------------------------------------------------
  // Call resolution

  private Resolution resolve(AbstractInvokeExpr call) {
    MethodSignature sig = call.getMethodSignature();
    boolean virtual = call instanceof JVirtualInvokeExpr || call instanceof JInterfaceInvokeExpr;
    return resolve(sig.getDeclClassType(), sig.getSubSignature(), virtual);
  }

  Resolution resolve(ClassType owner, MethodSubSignature sub, boolean virtual) {
    String key = owner + "#" + sub + "#" + virtual;
    Resolution cached = resolutions.get(key);
    if (cached != null) {
      return cached;
    }
    List<MethodEffects> leaves = new ArrayList<>();
    Set<JavaSootMethod> targets = new LinkedHashSet<>();
    String display = display(owner, sub);
    if (!isProject(owner)) {
      libraryTarget(owner, sub, leaves, targets);
    } else {
      JavaSootMethod m = findInHierarchy(owner, sub);
      if (m == null) {
        leaves.add(MethodEffects.unknown(display, "no bytecode for " + owner + " or a supertype (missing class?)"));
      } else if (!isProject(m.getDeclaringClassType())) {
        libraryTarget(m.getDeclaringClassType(), sub, leaves, targets);
      } else if (!m.isAbstract()) {
        targets.add(m);
      } else if (lambdaTypes().contains(m.getDeclaringClassType()) || lambdaTypes().contains(owner)) {
        leaves.add(MethodEffects.unknown(display, "implemented by a lambda or method reference"));
      }
    }
    if (virtual) {
      for (JavaSootMethod override : projectMethods().getOrDefault(sub, List.of())) {
        if (!override.isAbstract() && !override.isStatic() && isSubtype(override.getDeclaringClassType(), owner)) {
          targets.add(override);
        }
      }
    }
    Resolution r = new Resolution(ImmutableList.copyOf(leaves), ImmutableList.copyOf(targets));
    resolutions.put(key, r);
    return r;
  }

  /** A JDK or library method: the model's rule, else its bytecode, else unknown. */
  private void libraryTarget(ClassType owner, MethodSubSignature sub, List<MethodEffects> leaves, Set<JavaSootMethod> targets) {
    String display = display(owner, sub);
    Optional<JdkModel.Rule> rule = modelRule(owner, sub);
    if (rule.isPresent()) {
      leaves.add(ModelEffects.of(rule.get(), owner.getFullyQualifiedName(), sub, display));
      return;
    }
    JavaSootMethod m = findInHierarchy(owner, sub);
    if (m == null) {
      leaves.add(MethodEffects.unknown(display, "no bytecode for " + owner + " (class missing from the classpath?)"));
    } else if (m.isAbstract()) {
      leaves.add(MethodEffects.unknown(display, "abstract library method not in the JDK model"));
    } else {
      targets.add(m);
    }
  }

  /** The model's rule for the class itself, else for the nearest JDK supertype named exactly. */
  Optional<JdkModel.Rule> modelRule(ClassType owner, MethodSubSignature sub) {
    String key = owner + "#" + sub;
    Optional<JdkModel.Rule> hit = modelHits.get(key);
    if (hit != null) {
      return hit;
    }
    List<String> params = sub.getParameterTypes().stream().map(Type::toString).toList();
    hit = model.lookup(owner.getFullyQualifiedName(), sub.getName(), params, false);
    boolean constructor = sub.getName().equals("<init>");
    if (hit.isEmpty() && constructor && isJdkThrowable(owner)) {
      // JDK exception constructors only pass message and cause up to Throwable's.
      hit = model.lookup("java.lang.Throwable", "<init>", List.of(), true);
    }
    if (hit.isEmpty() && !constructor) {
      for (ClassType sup : supertypesOf(owner)) {
        if (!sup.equals(owner) && !isProject(sup)) {
          hit = model.lookup(sup.getFullyQualifiedName(), sub.getName(), params, true);
          if (hit.isPresent()) {
            break;
          }
        }
      }
    }
    modelHits.put(key, hit);
    return hit;
  }

  private boolean isJdkThrowable(ClassType owner) {
    String name = owner.getFullyQualifiedName();
    return (name.startsWith("java.") || name.startsWith("javax."))
        && supertypesOf(owner).contains(view.getIdentifierFactory().getClassType("java.lang.Throwable"));
  }

  /** Superclasses first, then interfaces; the first class declaring {@code sub}. */
  JavaSootMethod findInHierarchy(ClassType owner, MethodSubSignature sub) {
    ClassType c = owner;
    List<ClassType> interfaces = new ArrayList<>();
    while (c != null) {
      Optional<JavaSootClass> cls = view.getClass(c);
      if (cls.isEmpty()) {
        return null;
      }
      Optional<JavaSootMethod> m = cls.get().getMethod(sub);
      if (m.isPresent()) {
        return m.get();
      }
      interfaces.addAll(cls.get().getInterfaces());
      c = cls.get().getSuperclass().orElse(null);
    }
    Set<ClassType> seen = new HashSet<>();
    ArrayDeque<ClassType> queue = new ArrayDeque<>(interfaces);
    while (!queue.isEmpty()) {
      ClassType i = queue.poll();
      if (!seen.add(i)) {
        continue;
      }
      Optional<JavaSootClass> cls = view.getClass(i);
      if (cls.isEmpty()) {
        continue;
      }
      Optional<JavaSootMethod> m = cls.get().getMethod(sub);
      if (m.isPresent() && !m.get().isStatic()) {
        return m.get();
      }
      queue.addAll(cls.get().getInterfaces());
    }
    return null;
  }

  /** Every supertype of {@code type}, itself included, loaded lazily. */
  private Set<ClassType> supertypesOf(ClassType type) {
    Set<ClassType> cached = supertypes.get(type);
    if (cached != null) {
      return cached;
    }
    Set<ClassType> all = new LinkedHashSet<>();
    all.add(type);
    supertypes.put(type, all); // guards against cycles in broken class files
    view.getClass(type).ifPresent(cls -> {
      cls.getSuperclass().ifPresent(s -> all.addAll(supertypesOf(s)));
      cls.getInterfaces().forEach(i -> all.addAll(supertypesOf(i)));
    });
    return all;
  }

  private boolean isSubtype(ClassType sub, ClassType sup) {
    return supertypesOf(sub).contains(sup);
  }

  private Map<MethodSubSignature, List<JavaSootMethod>> projectMethods() {
    if (projectMethodsBySubSignature == null) {
      long t0 = System.nanoTime();
      projectMethodsBySubSignature = new HashMap<>();
      for (ClassType t : projectTypes) {
        view.getClass(t).ifPresent(cls -> {
          for (JavaSootMethod m : cls.getMethods()) {
            projectMethodsBySubSignature.computeIfAbsent(m.getSubSignature(), k -> new ArrayList<>()).add(m);
          }
        });
      }
      if (DEBUG) {
        System.err.printf("effects: indexed %d project classes in %d ms%n", projectTypes.size(), (System.nanoTime() - t0) / 1_000_000);
      }
    }
    return projectMethodsBySubSignature;
  }

  /** Functional interfaces that project lambdas or method references implement. */
  private Set<ClassType> lambdaTypes() {
    return lambdaTypes;
  }

  int loadedClasses() {
    return view.getCachedClassesCount();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  static AbstractInvokeExpr invokeOf(Stmt s) {
    if (s instanceof InvokableStmt inv && s.isInvokableStmt()) {
      return inv.getInvokeExpr().orElse(null);
    }
    return null;
  }

  static boolean isDeep(Access a) {
    return !Accesses.isDirect(a);
  }

  static String joinPath(String path, String name) {
    if (path.isEmpty()) {
      return name;
    }
    return Val.cap(name.startsWith("[") ? path + name : path + "." + name);
  }

  private static String elementType(JArrayRef a) {
    Type t = a.getBase().getType();
    return t instanceof ArrayType at ? at.getElementType().toString() : "?";
  }

  /** {@code this.rnd.*}, {@code parameter 0[…]}, {@code static Stats.count}. */
  static String describe(Access a) {
    return switch (a.target()) {
      case STATIC_FIELD -> a.toString();
      case INSTANCE_FIELD -> a.base() + "." + a.name();
      case ARRAY_ELEMENT -> a.base() + (a.name().equals("[]") ? "" : "." + a.name().substring(0, a.name().length() - 2)) + "[…]";
    };
  }

  static MethodRef methodRef(MethodSignature sig) {
    return new MethodRef(
        sig.getDeclClassType().getFullyQualifiedName(),
        sig.getName(),
        sig.getParameterTypes().stream().map(Type::toString).collect(ImmutableList.toImmutableList()),
        sig.getType().toString());
  }

  static String display(MethodSignature sig) {
    return methodRef(sig).display();
  }

  static String display(ClassType owner, MethodSubSignature sub) {
    return new MethodRef(
            owner.getFullyQualifiedName(),
            sub.getName(),
            sub.getParameterTypes().stream().map(Type::toString).collect(ImmutableList.toImmutableList()),
            sub.getType().toString())
        .display();
  }
}
