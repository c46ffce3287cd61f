package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
import sootup.core.types.PrimitiveType;
import sootup.core.types.Type;
import sootup.java.core.JavaSootClass;
import sootup.java.core.JavaSootMethod;
import sootup.java.core.views.JavaView;

/**
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
 * <p>Heap abstraction per method (all flow-insensitive): an allocation site stands for every
 * object it creates, the rows of {@code new T[n][m]} included, and for the objects a callee
 * allocated into it. A site records what the method stores in it ({@code contents}), where it was
 * stored into the receiver's or a parameter's state ({@code owners}: writes to it are reported as
 * writes to that state, e.g. {@code this.context.throwable}), and whether others may write into
 * it. Writes to a site that neither escapes nor is owned are dropped; a returned one is FRESH to
 * the caller. Summaries carry what callers need to rebuild this: arguments stored into the
 * receiver ({@code stored}), arguments a fresh result holds ({@code held}), and bases into which
 * an object the caller cannot name was stored ({@code tainted}). Limits: contents are
 * field-insensitive, so a deep write into a caller's fresh object is also charged to every
 * argument stored in it; a site stored outside the method's own objects reads back as unknown.
 *
 * <p>Determinism. Every bound is a count, and every summary is a function of its method alone, so
 * the same program gets the same summaries whatever the load, the threads or the order of the
 * queries: a library method is a node keyed by its signature and the library calls left to it
 * ({@link #MAX_LIBRARY_DEPTH} from the first library frame), so the depth bound does not depend
 * on the path that reached it; a library node whose call tree (counted with repetitions, depth
 * included) exceeds {@link #LIBRARY_TREE_BUDGET} methods is UNKNOWN ("analysis bound reached");
 * a component is solved in signature order, and one that has not converged after {@link
 * #WIDEN_AFTER} analyses per member is widened to a conservative summary ({@link #widen}). A
 * wall-clock safety net ({@link #SAFETY_NET_NANOS} per query) remains against pathological inputs;
 * it is not reached in normal runs (commons-math's slowest query takes well under a second), and a
 * query that reaches it answers UNKNOWN without caching anything it had not finished.
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
  /** Most library methods (counted over the call tree, with repetitions) one library node may reach. */
  static final int LIBRARY_TREE_BUDGET = 400;
  /** A component is widened after this many analyses per member without converging. */
  static final int WIDEN_AFTER = 6;
  /** Last resort against pathological inputs only; never reached in normal runs (see class doc). */
  static final long SAFETY_NET_NANOS = 120_000_000_000L;
  static final String BOUND_REACHED = "analysis bound reached";
  /** The depth of a project method: project code is never cut. */
  private static final int PROJECT = Integer.MAX_VALUE;
  private static final boolean DEBUG = Boolean.getBoolean("weft.effects.debug");

  private final JavaView view;
  private final JdkModel model;
  private final Set<ClassType> projectTypes;

  /** Finished summaries, by node. Each is a function of its key alone. */
  private final Map<Key, MethodEffects> done = new HashMap<>();
  private final Map<Key, Integer> treeSizes = new HashMap<>();
  private final Map<String, Resolution> resolutions = new HashMap<>();
  private final Map<ClassType, Set<ClassType>> supertypes = new HashMap<>();
  private final Map<String, Optional<JdkModel.Rule>> modelHits = new HashMap<>();
  private Map<MethodSubSignature, List<JavaSootMethod>> projectMethodsBySubSignature;
  private final Set<ClassType> lambdaTypes;

  // Tarjan state of the current query.
  private final Map<Key, Node> nodes = new HashMap<>();
  private final ArrayDeque<Node> tarjanStack = new ArrayDeque<>();
  private int tarjanIndex;
  private long safetyDeadline;

  BytecodeEffects(JavaView view, JdkModel model, Set<ClassType> projectTypes, Set<ClassType> lambdaTypes) {
    this.view = view;
    this.model = model;
    this.projectTypes = projectTypes;
    this.lambdaTypes = lambdaTypes;
  }

  /** What a call may do: the join over its possible targets. */
  record Resolution(ImmutableList<MethodEffects> leaves, ImmutableList<JavaSootMethod> targets) {}

  /** A method at a library depth ({@link #PROJECT} for project methods): one node of the graph. */
  record Key(MethodSignature sig, int depth) {}

  /** Thrown when a query passes the wall-clock safety net; the oracle answers UNKNOWN. */
  static final class SafetyNetReached extends RuntimeException {
    SafetyNetReached() {
      super(BOUND_REACHED + " (wall-clock safety net of " + SAFETY_NET_NANOS / 1_000_000_000L + " s)");
    }
  }

  /** A method being discovered and solved. */
  private static final class Node {
    final JavaSootMethod method;
    final Key key;
    final String boundReason;
    List<Stmt> stmts;
    int index = -1;
    int low;
    boolean onStack;
    MethodEffects current = MethodEffects.BOTTOM;

    Node(JavaSootMethod method, Key key, String boundReason) {
      this.method = method;
      this.key = key;
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

  /** The key of {@code target} called from a node at {@code fromDepth}. */
  private Key keyOf(JavaSootMethod target, int fromDepth) {
    if (isProject(target.getDeclaringClassType())) {
      return new Key(target.getSignature(), PROJECT);
    }
    return new Key(target.getSignature(), fromDepth == PROJECT ? MAX_LIBRARY_DEPTH : fromDepth - 1);
  }

  /** The finished summary of one method body, discovering and solving what it reaches first. */
  MethodEffects effectsOf(JavaSootMethod method) {
    Key key = keyOf(method, PROJECT);
    MethodEffects known = done.get(key);
    if (known != null) {
      return known;
    }
    safetyDeadline = System.nanoTime() + SAFETY_NET_NANOS;
    try {
      Node root = node(method, key);
      if (root.index < 0 && !done.containsKey(key)) {
        visit(root);
      }
    } finally {
      nodes.clear();
      tarjanStack.clear();
    }
    return done.get(key);
  }

  // ---------------------------------------------------------------------------------------------
  // Discovery (Tarjan) and solving

  private Node node(JavaSootMethod method, Key key) {
    Node n = nodes.get(key);
    if (n == null) {
      if (System.nanoTime() > safetyDeadline) {
        throw new SafetyNetReached();
      }
      String bound = null;
      if (key.depth() != PROJECT) {
        if (key.depth() < 0) {
          bound = BOUND_REACHED + " (more than " + MAX_LIBRARY_DEPTH + " library calls deep)";
        } else if (treeSize(method, key.depth()) > LIBRARY_TREE_BUDGET) {
          bound = BOUND_REACHED + " (calls more than " + LIBRARY_TREE_BUDGET + " library methods)";
        }
      }
      n = new Node(method, key, bound);
      nodes.put(key, n);
    }
    return n;
  }

  /**
   * How many library methods a library method at {@code depth} reaches, counted over its call
   * tree with repetitions and capped just past the budget: a deterministic measure of how much
   * analysing it would cost, memoised per node. Project callees cost nothing here (they are
   * analysed anyway); the depth strictly decreases, so library recursion terminates.
   */
  private int treeSize(JavaSootMethod method, int depth) {
    if (depth < 0 || !method.hasBody() || method.isNative()) {
      return 1;
    }
    Key key = new Key(method.getSignature(), depth);
    Integer known = treeSizes.get(key);
    if (known != null) {
      return known;
    }
    int total = 1;
    outer:
    for (Stmt s : method.getBody().getStmts()) {
      AbstractInvokeExpr call = invokeOf(s);
      if (call == null || call instanceof JDynamicInvokeExpr) {
        continue;
      }
      for (JavaSootMethod t : resolve(call).targets()) {
        if (!isProject(t.getDeclaringClassType())) {
          total += treeSize(t, depth - 1);
          if (total > LIBRARY_TREE_BUDGET) {
            break outer;
          }
        }
      }
    }
    total = Math.min(total, LIBRARY_TREE_BUDGET + 1);
    treeSizes.put(key, total);
    return total;
  }

  private void visit(Node v) {
    v.index = v.low = tarjanIndex++;
    tarjanStack.push(v);
    v.onStack = true;
    if (v.boundReason == null && v.method.hasBody() && !v.method.isNative()) {
      v.stmts = v.method.getBody().getStmts();
      for (Stmt s : v.stmts) {
        AbstractInvokeExpr call = invokeOf(s);
        if (call == null || call instanceof JDynamicInvokeExpr) {
          continue;
        }
        for (JavaSootMethod target : resolve(call).targets()) {
          Key k = keyOf(target, v.key.depth());
          if (done.containsKey(k)) {
            continue;
          }
          Node w = node(target, k);
          if (w.index < 0) {
            visit(w);
            v.low = Math.min(v.low, w.low);
          } else if (w.onStack) {
            v.low = Math.min(v.low, w.index);
          }
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
      // The order Tarjan found the members in depends on where the query entered the component;
      // solving in a fixed order makes the explanations (first chain found) and the widening
      // point independent of it.
      component.sort(Comparator.comparing((Node n) -> n.key.sig().toString()).thenComparingInt(n -> n.key.depth()));
      solve(component);
    }
  }

  /**
   * Iterates a strongly connected component to its fixed point (summaries only grow), with a
   * worklist: a member is analysed again only when a member it calls has changed. Past {@link
   * #WIDEN_AFTER} analyses per member the component is widened instead (deterministic: the count
   * depends on the component alone).
   */
  private void solve(List<Node> component) {
    Map<Key, Node> members = new HashMap<>();
    component.forEach(n -> members.put(n.key, n));
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
              Node callee = members.get(keyOf(t, n.key.depth()));
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
    int budget = WIDEN_AFTER * component.size() + 16;
    ArrayDeque<Node> work = new ArrayDeque<>(component);
    Set<Node> queued = new HashSet<>(component);
    boolean widened = false;
    while (!work.isEmpty()) {
      if (analyses >= budget) {
        widen(component, members);
        widened = true;
        break;
      }
      if (System.nanoTime() > safetyDeadline) {
        throw new SafetyNetReached();
      }
      Node n = work.poll();
      queued.remove(n);
      MethodEffects next = analyze(n, members, false);
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
    if (DEBUG && (component.size() > 10 || widened)) {
      System.err.printf("effects: component of %d methods (%s...) %s after %d analyses, %d ms%n",
          component.size(), display(component.get(0).method.getSignature()), widened ? "widened" : "solved",
          analyses, (System.nanoTime() - start) / 1_000_000);
    }
    for (Node n : component) {
      done.put(n.key, n.current);
      n.stmts = null;
    }
  }

  /**
   * The conservative summary of a component that did not converge in budget: every member gets
   * the union of what all members do themselves (their statements and their calls out of the
   * component), with every instance-field and array access moved to "anything reached from an
   * unknown object" and static accesses kept as they are. Calls inside the component are taken as
   * storing their arguments anywhere and returning anything. This over-approximates the fixed
   * point: a member's transitive effects are the members' own effects mapped through call
   * arguments, and the unknown base covers every mapping.
   */
  private void widen(List<Node> component, Map<Key, Node> members) {
    MethodEffects.Builder all = new MethodEffects.Builder();
    for (Node n : component) {
      all.addAll(analyze(n, members, true));
    }
    MethodEffects.Builder top = new MethodEffects.Builder();
    String why = BOUND_REACHED + " (widened: call cycle of " + component.size() + " methods did not converge)";
    for (Access a : all.reads) {
      top.read(widened(a));
    }
    for (Access a : all.writes) {
      Access w = widened(a);
      ImmutableList<String> chain = all.chains.get(a.toString());
      top.write(w, chain != null ? chain : List.of("writes " + w, why));
    }
    for (EffectFlag f : all.flags) {
      top.flag(f, all.chains.getOrDefault(f.name(), ImmutableList.of(f.name())));
    }
    top.returns.add(Val.UNKNOWN);
    top.escapesAll = true;
    top.tainted.add(MethodEffects.ALL);
    MethodEffects summary = top.build("bytecode");
    for (Node n : component) {
      n.current = summary;
    }
  }

  private static Access widened(Access a) {
    if (a.target() == Access.Target.STATIC_FIELD) {
      return a;
    }
    return new Access(a.target(), Base.UNKNOWN, Limits.ANY,
        a.target() == Access.Target.ARRAY_ELEMENT ? Limits.ANY + "[]" : Limits.ANY + "." + Limits.ANY);
  }

  private boolean selfRecursive(Node n) {
    if (n.stmts == null) {
      return false;
    }
    for (Stmt s : n.stmts) {
      AbstractInvokeExpr call = invokeOf(s);
      if (call != null && !(call instanceof JDynamicInvokeExpr)
          && resolve(call).targets().stream().anyMatch(t -> keyOf(t, n.key.depth()).equals(n.key))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // One method

  private MethodEffects analyze(Node n, Map<Key, Node> component, boolean widening) {
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
      b.tainted.add(MethodEffects.ALL);
      return b.build("bytecode");
    }
    if (n.stmts == null) {
      return MethodEffects.unknown(self, m.isAbstract() ? "abstract method" : "no bytecode body");
    }
    MethodAnalysis a = new MethodAnalysis(self, n.stmts, n.key.depth(), component, widening);
    if (m.isSynchronized()) {
      a.out.flag(EffectFlag.SYNCHRONIZATION, List.of(self, "synchronized method"));
    }
    return a.run();
  }
  /** The points-to and effect passes over one method body. */
  private final class MethodAnalysis {
    final String self;
    final List<Stmt> stmts;
    final int depth;
    final Map<Key, Node> component;
    /** While widening: calls inside the component stand for "stores anything, returns anything". */
    final boolean widening;
    final Map<Local, Set<Val>> pts = new HashMap<>();
    final Set<Integer> escapedSites = new HashSet<>();
    /**
     * What the method itself stores into the objects it allocates, by site (field-insensitive):
     * the rows of {@code new double[n][m]} are part of their site, {@code m[i] = new double[n]}
     * puts the row's site here. Loads from a site read this set.
     */
    final Map<Integer, Set<Val>> contents = new HashMap<>();
    /**
     * Sites that may hold objects this method cannot name: a callee stored a static's value in
     * them, or returned them holding one. Loads from them may give anything.
     */
    final Set<Integer> opaque = new HashSet<>();
    /** Sites others may write into (stored outside the method's own objects): loads give anything. */
    final Set<Integer> shared = new HashSet<>();
    /**
     * Where a site was stored into the state of the receiver or a parameter ({@code this.context}):
     * writes to it are writes to that state, which callers map onto their arguments.
     */
    final Map<Integer, Set<Val>> owners = new HashMap<>();
    final MethodEffects.Builder out = new MethodEffects.Builder();
    /** Accesses whose base may be a fresh site, resolved once escapes are known. */
    final List<Pending> pending = new ArrayList<>();
    /** The joined summary of each call statement's targets, computed once per analysis. */
    final Map<Integer, MethodEffects> callees = new HashMap<>();

    record Pending(boolean write, Access.Target target, Val base, String owner, String name, List<String> chain) {}

    MethodAnalysis(String self, List<Stmt> stmts, int depth, Map<Key, Node> component, boolean widening) {
      this.self = self;
      this.stmts = stmts;
      this.depth = depth;
      this.component = component;
      this.widening = widening;
    }

    MethodEffects run() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < stmts.size(); i++) {
          changed |= pointsTo(i, stmts.get(i));
        }
        // What a shared object holds is shared too.
        for (int s : new ArrayList<>(shared)) {
          changed |= share(contents.getOrDefault(s, Set.of()));
        }
      }
      for (int i = 0; i < stmts.size(); i++) {
        effects(i, stmts.get(i));
      }
      // An escaped object publishes whatever it holds; an owned one (this.context) makes what it
      // holds part of its owner's state.
      closeOwners();
      ArrayDeque<Integer> work = new ArrayDeque<>(escapedSites);
      while (!work.isEmpty()) {
        for (Val v : contents.getOrDefault(work.poll(), Set.of())) {
          if (v.kind() == Base.Kind.FRESH) {
            if (escapedSites.add(v.index())) {
              work.add(v.index());
            }
          } else {
            escape(Set.of(v));
          }
        }
      }
      for (Val r : out.returns) {
        if (r.kind() == Base.Kind.FRESH && !escapedSites.contains(r.index()) && !owners.containsKey(r.index())) {
          for (Val v : reach(r.index())) {
            switch (v.kind()) {
              case THIS -> out.held.add(-1);
              case PARAMETER -> out.held.add(v.index());
              case UNKNOWN -> out.tainted.add(MethodEffects.RETURN);
              case FRESH -> {
                if (escapedSites.contains(v.index())) {
                  out.tainted.add(MethodEffects.RETURN);
                }
                for (Val o : owners.getOrDefault(v.index(), Set.of())) {
                  out.held.add(o.kind() == Base.Kind.THIS ? -1 : o.index());
                }
              }
            }
          }
        }
      }
      for (Pending p : pending) {
        Val base = p.base();
        List<Access> accesses = new ArrayList<>(1);
        if (base.kind() != Base.Kind.FRESH) {
          accesses.add(new Access(p.target(), base.base(), p.owner(), p.name()));
        } else if (escapedSites.contains(base.index())) {
          accesses.add(new Access(p.target(), Base.UNKNOWN, p.owner(), p.name()));
        } else {
          // Kept to itself (nobody else can see it: dropped) or part of an owner's state.
          for (Val o : owners.getOrDefault(base.index(), Set.of())) {
            accesses.add(new Access(p.target(), o.base(), p.owner(), joinPath(o.path(), p.name())));
          }
        }
        for (Access access : accesses) {
          if (p.write()) {
            out.write(access, p.chain());
          } else {
            out.read(access);
          }
        }
      }
      Set<Val> returns = new LinkedHashSet<>();
      for (Val v : out.returns) {
        if (v.kind() != Base.Kind.FRESH) {
          returns.add(v);
        } else if (escapedSites.contains(v.index())) {
          returns.add(Val.UNKNOWN);
        } else if (owners.containsKey(v.index())) {
          returns.addAll(owners.get(v.index())); // this.cache handed out: the caller's this.cache
        } else {
          returns.add(Val.FRESH);
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

    /** What a store may put in a field or element: a local that never points anywhere holds null. */
    Set<Val> stored(Value v) {
      return v instanceof Local l ? pts.getOrDefault(l, Set.of()) : Set.of();
    }

    boolean pointsTo(int i, Stmt s) {
      if (s instanceof JIdentityStmt id) {
        Value r = id.getRightOp();
        if (r instanceof JParameterRef p && p.getType() instanceof PrimitiveType) {
          return false; // a number: it cannot escape nor be written through
        }
        Val v = r instanceof JThisRef ? Val.THIS : r instanceof JParameterRef p ? Val.parameter(p.getIndex()) : Val.UNKNOWN;
        return add(id.getLeftOp(), Set.of(v));
      }
      boolean changed = false;
      AbstractInvokeExpr invoke = invokeOf(s);
      if (invoke != null) {
        changed |= callFlows(i, invoke);
      }
      if (!(s instanceof JAssignStmt as)) {
        return changed;
      }
      if (as.getLeftOp() instanceof JInstanceFieldRef f && f.getFieldSignature().getType() instanceof PrimitiveType) {
        return changed;
      }
      if (as.getLeftOp() instanceof JInstanceFieldRef f) {
        return changed | store(pts.getOrDefault(f.getBase(), Set.of()), stored(as.getRightOp()), f.getFieldSignature().getName());
      }
      if (as.getLeftOp() instanceof JArrayRef a) {
        return changed | store(pts.getOrDefault(a.getBase(), Set.of()), stored(as.getRightOp()), "[]");
      }
      if (as.getLeftOp() instanceof JStaticFieldRef) {
        return changed | share(stored(as.getRightOp()));
      }
      if (!(as.getLeftOp() instanceof Local left)) {
        return changed;
      }
      Value r = as.getRightOp();
      Set<Val> values;
      if (r instanceof Local l) {
        values = pts.getOrDefault(l, Set.of());
      } else if (r instanceof JCastExpr c) {
        values = c.getOp() instanceof Local l ? pts.getOrDefault(l, Set.of()) : Set.of();
      } else if (r instanceof JNewMultiArrayExpr) {
        // The rows are allocated by the same instruction: one site stands for all of them.
        changed |= contents.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(Val.site(i));
        values = Set.of(Val.site(i));
      } else if (r instanceof JNewExpr || r instanceof JNewArrayExpr) {
        values = Set.of(Val.site(i));
      } else if (r instanceof JInstanceFieldRef f && f.getFieldSignature().getType() instanceof PrimitiveType) {
        values = Set.of(); // javac reuses a slot for a double and an array: keep primitives out
      } else if (r instanceof JInstanceFieldRef f) {
        values = load(pts.getOrDefault(f.getBase(), Set.of()), f.getFieldSignature().getName());
      } else if (r instanceof JArrayRef a) {
        values = load(pts.getOrDefault(a.getBase(), Set.of()), "[]");
      } else if (r instanceof JStaticFieldRef f) {
        values = f.getFieldSignature().getType() instanceof PrimitiveType ? Set.of() : Set.of(Val.UNKNOWN);
      } else if (r instanceof AbstractInvokeExpr call && call.getMethodSignature().getType() instanceof PrimitiveType) {
        values = Set.of();
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
      return changed | add(left, values);
    }

    /**
     * Records {@code values} stored into field/element {@code selector} of {@code bases}: into a
     * site's contents, as owned by the receiver's or a parameter's state, or shared.
     */
    boolean store(Set<Val> bases, Set<Val> values, String selector) {
      boolean changed = false;
      for (Val b : bases) {
        switch (b.kind()) {
          case FRESH -> {
            if (!values.isEmpty()) {
              changed |= contents.computeIfAbsent(b.index(), k -> new LinkedHashSet<>()).addAll(values);
            }
          }
          case THIS, PARAMETER -> {
            for (Val v : values) {
              if (v.kind() == Base.Kind.FRESH) {
                changed |= owners.computeIfAbsent(v.index(), k -> new LinkedHashSet<>()).add(b.load(selector));
                changed |= shared.add(v.index());
              }
            }
          }
          case UNKNOWN -> changed |= share(values);
        }
      }
      return changed;
    }

    /** The fresh sites among {@code values} may now be written by others. */
    boolean share(Set<Val> values) {
      boolean changed = false;
      for (Val v : values) {
        if (v.kind() == Base.Kind.FRESH) {
          changed |= shared.add(v.index());
        }
      }
      return changed;
    }

    /**
     * Propagates ownership through contents until stable: what an owned site holds is part of the
     * owner's state. What it holds that is not fresh is treated as stored into the owner.
     */
    void closeOwners() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Map.Entry<Integer, Set<Val>> e : new ArrayList<>(owners.entrySet())) {
          if (escapedSites.contains(e.getKey())) {
            continue;
          }
          for (Val v : contents.getOrDefault(e.getKey(), Set.of())) {
            if (v.kind() == Base.Kind.FRESH) {
              if (v.index() != e.getKey()) {
                for (Val o : new ArrayList<>(e.getValue())) {
                  changed |= owners.computeIfAbsent(v.index(), k -> new LinkedHashSet<>()).add(o.load("*"));
                }
              }
            } else {
              for (Val o : new ArrayList<>(e.getValue())) {
                storeEffect(o, v);
              }
            }
          }
          if (opaque.contains(e.getKey())) {
            for (Val o : e.getValue()) {
              out.tainted.add(o.kind() == Base.Kind.THIS ? -1 : o.index());
            }
          }
        }
      }
    }

    /**
     * The summary-level effect of storing {@code v} (not fresh) into the state of {@code into}:
     * a parameter stored into the receiver stays with it; the receiver in its own state is no
     * news; an object the method cannot name taints the state; anything else escapes.
     */
    void storeEffect(Val into, Val v) {
      switch (into.kind()) {
        case THIS, PARAMETER -> {
          switch (v.kind()) {
            case UNKNOWN -> out.tainted.add(into.kind() == Base.Kind.THIS ? -1 : into.index());
            case PARAMETER -> {
              if (into.kind() == Base.Kind.THIS) {
                out.stored.add(v.index());
              } else {
                escape(Set.of(v));
              }
            }
            case THIS -> {
              if (into.kind() != Base.Kind.THIS) {
                escape(Set.of(v));
              }
            }
            case FRESH -> { } // ownership, recorded by store()
          }
        }
        case FRESH -> { } // contents, recorded by store()
        case UNKNOWN -> escape(Set.of(v));
      }
    }

    /**
     * What a call does to the caller's own objects: its result is a site whose contents are not
     * known (a fresh array copied from an argument holds that argument's elements); a site it
     * writes into may now hold anything; System.arraycopy moves elements from one array to another.
     */
    boolean callFlows(int i, AbstractInvokeExpr call) {
      boolean changed = false;
      MethodEffects callee = calleeEffects(i, call);
      if (callee.returns().contains(Val.FRESH)) {
        // The result holds objects the callee allocated (the site stands for them too) and what
        // it put in it from its arguments (Arrays.copyOf of rows).
        changed |= contents.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(Val.site(i));
        for (int k : callee.held()) {
          Val root = k == -1 ? Val.THIS : Val.parameter(k);
          changed |= store(Set.of(Val.site(i)), reachAll(mapVal(root, call, i)), "*");
        }
        if (callee.taints(MethodEffects.RETURN)) {
          changed |= opaque.add(i);
        }
      }
      if (isArrayCopy(call)) {
        return changed | store(valuesOf(call.getArg(2)), load(valuesOf(call.getArg(0)), "[]"), "[]");
      }
      for (Access a : callee.writes()) {
        if (storesNoReference(a) || a.base().kind() == Base.Kind.UNKNOWN || a.base().kind() == Base.Kind.FRESH) {
          continue; // Arrays.fill(row, 1.0) leaves no object behind in the row
        }
        // The callee may have put objects of its own into the caller's object.
        for (Val v : calleeObjects(a.base(), isDeep(a), call, i)) {
          if (v.kind() == Base.Kind.FRESH) {
            changed |= contents.computeIfAbsent(v.index(), k -> new LinkedHashSet<>()).add(v);
          }
        }
      }
      for (int k : callee.tainted()) {
        Set<Val> into = k == MethodEffects.ALL ? allArguments(call)
            : k == MethodEffects.RETURN ? Set.of() : reachAll(mapVal(k == -1 ? Val.THIS : Val.parameter(k), call, i));
        for (Val v : into) {
          if (v.kind() == Base.Kind.FRESH) {
            changed |= opaque.add(v.index());
          }
        }
      }
      for (int k : callee.stored()) {
        if (k < call.getArgCount() && call instanceof AbstractInstanceInvokeExpr inst) {
          changed |= store(valuesOf(inst.getBase()), valuesOf(call.getArg(k)), "*");
        }
      }
      if (callee.escapesAll()) {
        changed |= share(reachAll(allArguments(call)));
      } else {
        for (int k : callee.escapes()) {
          Value arg = k == -1 ? (call instanceof AbstractInstanceInvokeExpr inst ? inst.getBase() : null)
              : k < call.getArgCount() ? call.getArg(k) : null;
          if (arg != null) {
            changed |= share(reachAll(valuesOf(arg)));
          }
        }
      }
      return changed;
    }

    /** The caller's objects whose state a callee access on {@code base} touches. */
    Set<Val> calleeObjects(Base base, boolean deep, AbstractInvokeExpr call, int i) {
      Set<Val> roots = mapVal(base.kind() == Base.Kind.THIS ? Val.THIS : Val.parameter(base.parameter()), call, i);
      return deep ? reachAll(roots) : roots;
    }

    Set<Val> allArguments(AbstractInvokeExpr call) {
      Set<Val> all = new LinkedHashSet<>();
      if (call instanceof AbstractInstanceInvokeExpr inst) {
        all.addAll(valuesOf(inst.getBase()));
      }
      call.getArgs().forEach(a -> all.addAll(valuesOf(a)));
      return all;
    }

    boolean add(Local l, Set<Val> values) {
      return !values.isEmpty() && pts.computeIfAbsent(l, k -> new LinkedHashSet<>()).addAll(values);
    }

    Set<Val> load(Set<Val> bases, String selector) {
      Set<Val> out = new LinkedHashSet<>();
      for (Val b : bases) {
        if (b.kind() == Base.Kind.FRESH) {
          out.addAll(contents.getOrDefault(b.index(), Set.of()));
          if (opaque.contains(b.index()) || shared.contains(b.index())) {
            out.add(Val.UNKNOWN);
          }
        } else {
          out.add(b.load(selector));
        }
      }
      return out;
    }

    /** Every object reachable from site {@code site} through fields, itself included. */
    Set<Val> reach(int site) {
      return reachAll(Set.of(Val.site(site)));
    }

    /**
     * {@code roots} and every object reachable from them through fields, as far as this method
     * knows: fresh sites through their contents (an opaque site reaches anything), other objects
     * through a path ({@code this.*}).
     */
    Set<Val> reachAll(Set<Val> roots) {
      Set<Val> out = new LinkedHashSet<>(roots);
      ArrayDeque<Val> work = new ArrayDeque<>(roots);
      while (!work.isEmpty()) {
        Val v = work.poll();
        Set<Val> next;
        if (v.kind() == Base.Kind.FRESH) {
          next = new LinkedHashSet<>(contents.getOrDefault(v.index(), Set.of()));
          if (opaque.contains(v.index()) || shared.contains(v.index())) {
            next.add(Val.UNKNOWN);
          }
        } else {
          next = Set.of(v.load("*"));
        }
        for (Val n : next) {
          if (out.add(n)) {
            work.add(n);
          }
        }
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
          if (!(fs.getType() instanceof PrimitiveType)) {
            storeEffects(valuesOf(f.getBase()), right);
          }
        } else if (left instanceof JStaticFieldRef f) {
          FieldSignature fs = f.getFieldSignature();
          Access a = Access.staticField(fs.getDeclClassType().getFullyQualifiedName(), fs.getName());
          out.write(a, List.of(self, "writes " + a));
          escape(valuesOf(right));
        } else if (left instanceof JArrayRef a) {
          for (Val b : valuesOf(a.getBase())) {
            access(true, Access.Target.ARRAY_ELEMENT, b, elementType(a), "[]", null);
          }
          storeEffects(valuesOf(a.getBase()), right);
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

    /**
     * A value stored into an object this method allocated stays private with it (its contents
     * escape with it, see {@link #run}); stored anywhere else, it escapes.
     */
    void storeEffects(Set<Val> bases, Value right) {
      for (Val b : bases) {
        for (Val v : stored(right)) {
          storeEffect(b, v);
        }
      }
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
        Key k = keyOf(t, depth);
        MethodEffects e = done.get(k);
        if (e == null) {
          Node member = component.get(k);
          if (member != null && widening) {
            e = OPAQUE_CALL;
          } else {
            e = member != null ? member.current : MethodEffects.unknown(display(t.getSignature()), BOUND_REACHED);
          }
        }
        b.addAll(e);
      }
      return b.build("bytecode");
    }

    void applyCall(int site, AbstractInvokeExpr call) {
      MethodEffects callee = calleeEffects(site, call);
      if (isArrayCopy(call)) {
        // The elements copied become part of the destination (fresh ones: see store()).
        for (Val into : valuesOf(call.getArg(2))) {
          for (Val v : load(valuesOf(call.getArg(0)), "[]")) {
            storeEffect(into, v);
          }
        }
      }
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
      for (int k : callee.stored()) {
        if (k < call.getArgCount() && call instanceof AbstractInstanceInvokeExpr inst) {
          storeEffects(valuesOf(inst.getBase()), call.getArg(k));
        }
      }
      for (int k : callee.tainted()) {
        Set<Val> into = k == MethodEffects.ALL ? allArguments(call)
            : k == MethodEffects.RETURN ? Set.of() : mapVal(k == -1 ? Val.THIS : Val.parameter(k), call, site);
        for (Val v : into) {
          if (v.kind() == Base.Kind.THIS || v.kind() == Base.Kind.PARAMETER) {
            out.tainted.add(v.kind() == Base.Kind.THIS ? -1 : v.index());
          }
        }
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
          Set<Val> targets = mapVal(calleeBase, call, site);
          if (deep) {
            // Deep state of a caller's own object: whatever that object holds.
            Set<Val> wide = new LinkedHashSet<>();
            for (Val v : targets) {
              if (v.kind() == Base.Kind.FRESH) {
                wide.addAll(reachAll(load(Set.of(v), "*")));
              } else {
                wide.add(v);
              }
            }
            targets = wide;
          }
          for (Val v : targets) {
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
        switch (r.kind()) {
          case THIS, PARAMETER -> out.add(new Val(r.kind(), r.index(), r.path().isEmpty() ? v.path() : joinPath(r.path(), v.path())));
          case FRESH -> out.addAll(reachAll(load(Set.of(r), "*")));
          default -> out.add(Val.UNKNOWN);
        }
      }
      return out;
    }
  }

  /** A call inside a component being widened: stores its arguments anywhere, returns anything. */
  private static final MethodEffects OPAQUE_CALL = opaqueCall();

  private static MethodEffects opaqueCall() {
    MethodEffects.Builder b = new MethodEffects.Builder();
    b.returns.add(Val.UNKNOWN);
    b.escapesAll = true;
    b.tainted.add(MethodEffects.ALL);
    return b.build("bytecode");
  }

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

  /** A write of elements of a primitive array of the base itself: it cannot store an object. */
  static boolean storesNoReference(Access a) {
    return a.target() == Access.Target.ARRAY_ELEMENT && a.name().equals("[]") && PRIMITIVES.contains(a.owner());
  }

  /** {@code System.arraycopy}: its element flow is modelled by the analysis itself. */
  static boolean isArrayCopy(AbstractInvokeExpr call) {
    MethodSignature sig = call.getMethodSignature();
    return sig.getName().equals("arraycopy") && call.getArgCount() == 5
        && sig.getDeclClassType().getFullyQualifiedName().equals("java.lang.System");
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
        b.tainted.add(MethodEffects.ALL);
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
    boolean constructor = sub.getName().equals("<init>");
    if (constructor && isJdkThrowable(owner)) {
      // JDK exception constructors only pass message and cause up to Throwable's; asked before
      // the package rules, or `new IOException(..)` would count as I/O under `java.io.*`.
      hit = model.lookup("java.lang.Throwable", "<init>", List.of(), true);
    } else {
      hit = model.lookup(owner.getFullyQualifiedName(), sub.getName(), params, false);
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
