package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.effects.Access;
import dev.weft.analyzer.effects.Accesses;
import dev.weft.analyzer.effects.Base;
import dev.weft.analyzer.effects.EffectFlag;
import dev.weft.analyzer.effects.EffectSummary;
import dev.weft.analyzer.effects.MethodRef;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Witness;
import dev.weft.analyzer.findings.blockers.CallsImpureMethod;
import dev.weft.analyzer.findings.blockers.CallsUnknownMethod;
import dev.weft.analyzer.findings.blockers.IoInRegion;
import dev.weft.analyzer.findings.blockers.LoopCarriedDependence;
import dev.weft.analyzer.findings.blockers.Synchronization;
import dev.weft.analyzer.findings.blockers.ThrowsException;
import dev.weft.analyzer.findings.blockers.UnresolvedSymbol;
import dev.weft.analyzer.source.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the calls of a loop body by their effect summaries: the summary's {@code this} and
 * parameter bases are mapped onto the receiver and arguments at the call site, and a write is
 * allowed only to an object allocated in the same iteration. Also used for independent calls.
 */
final class CallEffects {

  /** A resolved call: its summary and the expressions its bases map to (null: fresh or none). */
  record Call(Node node, MethodRef ref, EffectSummary summary, Expression receiver, List<Expression> arguments,
      boolean constructor, List<String> checkedExceptions) {}

  private final FileContext ctx;
  private final LoopAnalysis loop;

  CallEffects(FileContext ctx, LoopAnalysis loop) {
    this.ctx = ctx;
    this.loop = loop;
  }

  /** Resolves a call, or says which symbol failed. */
  static Optional<Call> resolve(FileContext ctx, Node n, List<Blocker> unresolved) {
    try {
      ResolvedMethodLikeDeclaration d;
      Expression receiver = null;
      List<Expression> args;
      boolean ctor = false;
      if (n instanceof MethodCallExpr m) {
        d = Resolutions.method(m);
        receiver = m.getScope().orElse(null);
        if (receiver == null && !((com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration) d).isStatic()) receiver = new ThisExpr();
        args = m.getArguments();
      } else {
        ObjectCreationExpr o = (ObjectCreationExpr) n;
        d = Resolutions.constructor(o);
        args = o.getArguments();
        ctor = true;
      }
      MethodRef ref = Signatures.of(d);
      EffectSummary s = ctx.oracle().summaryOf(ref);
      List<String> checked = new ArrayList<>();
      for (ResolvedType t : d.getSpecifiedExceptions()) {
        if (isChecked(t)) checked.add(t.describe());
      }
      return Optional.of(new Call(n, ref, s, receiver, args, ctor, checked));
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      String what = n instanceof MethodCallExpr m ? m.getNameAsString() + "(…)" : "new " + ((ObjectCreationExpr) n).getTypeAsString() + "(…)";
      unresolved.add(UnresolvedSymbol.of("cannot resolve the call " + what + ": " + shortMessage(e), ctx.witness(n)));
      return Optional.empty();
    }
  }

  private static String shortMessage(Throwable e) {
    String m = String.valueOf(e.getMessage());
    m = m.lines().findFirst().orElse("");
    return m.length() > 120 ? m.substring(0, 117) + "..." : m;
  }

  static boolean isChecked(ResolvedType t) {
    try {
      if (!t.isReferenceType()) return true;
      String q = t.asReferenceType().getQualifiedName();
      if (q.equals("java.lang.RuntimeException") || q.equals("java.lang.Error")) return false;
      return t.asReferenceType().getAllAncestors().stream().map(a -> a.getQualifiedName())
          .noneMatch(a -> a.equals("java.lang.RuntimeException") || a.equals("java.lang.Error"));
    } catch (RuntimeException e) {
      return true;
    }
  }

  void judgeCalls(Node scope, Set<Node> skip) {
    List<Node> calls = new ArrayList<>();
    scope.walk(n -> {
      if ((n instanceof MethodCallExpr || n instanceof ObjectCreationExpr) && !skip.contains(n)) calls.add(n);
    });
    Set<String> written = loop.sharedWrittenKeys();
    Set<String> writtenTypes = loop.reachableWrittenElementTypes();
    for (Node n : calls) {
      List<Blocker> unresolved = new ArrayList<>();
      Optional<Call> c = resolve(ctx, n, unresolved);
      unresolved.forEach(loop::block);
      if (c.isEmpty()) continue;
      Call call = c.get();
      EffectSummary s = call.summary();
      String who = call.ref().display();
      for (EffectFlag f : s.flags()) {
        List<String> chain = chain(s, f.name(), who);
        switch (f) {
          case IO -> loop.block(IoInRegion.of(who + " performs I/O", ctx.witness(n, chain)));
          case SYNCHRONIZATION -> loop.block(Synchronization.of(who + " synchronises", ctx.witness(n, chain)));
          case UNKNOWN, NATIVE, REFLECTION -> loop.block(CallsUnknownMethod.of(
              "the effect of " + who + " is unknown (" + f.name().toLowerCase() + ")", ctx.witness(n, chain)));
          case THROWS -> { }
        }
      }
      if (!call.checkedExceptions().isEmpty()) {
        loop.block(ThrowsException.of(who + " declares " + String.join(", ", call.checkedExceptions()), ctx.witness(n)));
      }
      for (Access w : s.writes()) {
        String why = sharedTarget(call, w);
        if (why != null) {
          loop.block(CallsImpureMethod.of(who + " writes " + why, ctx.witness(n, chain(s, w.toString(), who))));
        }
      }
      for (Access r : s.reads()) {
        Expression target = target(call, r.base());
        if (target != null) {
          LoopAnalysis.Base b = rootBase(target);
          if (b != null && written.contains(b.key())) {
            loop.block(LoopCarriedDependence.of(who + " reads " + target + ", which the loop writes", ctx.witness(n)));
          } else if (b != null && r.target() == Access.Target.ARRAY_ELEMENT) {
            loop.readThroughCall(b, n, who);
          }
        } else if (r.target() == Access.Target.ARRAY_ELEMENT && r.base().kind() == Base.Kind.UNKNOWN) {
          for (String t : writtenTypes) {
            if (t.equals("?") || r.owner().equals("?") || t.equals(r.owner())
                || !LoopAnalysis.isPrimitive(t) && !LoopAnalysis.isPrimitive(r.owner())) {
              loop.block(LoopCarriedDependence.of(who + " reads array elements it reached through a field, which may be ones the loop writes",
                  ctx.witness(n)));
              break;
            }
          }
        }
      }
      if (s.isPure() && call.checkedExceptions().isEmpty()) loop.fact(who + " has no side effects (" + s.source() + ")");
    }
  }

  private List<String> chain(EffectSummary s, String key, String who) {
    ImmutableList<String> c = s.chains().get(key);
    return c == null || c.isEmpty() ? List.of(who) : c;
  }

  /** The expression a summary base stands for at this call; null for fresh or unmappable bases. */
  static Expression target(Call call, Base base) {
    return switch (base.kind()) {
      case THIS -> call.constructor() ? null : call.receiver();
      case PARAMETER -> base.parameter() < call.arguments().size() ? call.arguments().get(base.parameter()) : null;
      default -> null;
    };
  }

  /** Null when the write stays inside the iteration; otherwise what shared memory it touches. */
  private String sharedTarget(Call call, Access w) {
    if (w.target() == Access.Target.STATIC_FIELD) return w.toString();
    // An object allocated in this iteration is private, but not what its fields lead to: they may
    // hold objects other iterations share. Only direct writes to a fresh object stay private.
    boolean direct = Accesses.isDirect(w);
    switch (w.base().kind()) {
      case FRESH: return null;
      case UNKNOWN: return w + " (an object it reaches through fields or statics)";
      case THIS:
        if (call.constructor() && direct) return null;
        break;
      case PARAMETER:
        if (w.base().parameter() >= call.arguments().size()) return w.toString();
        break;
      default: break;
    }
    Expression e = target(call, w.base());
    if (e == null) return w.toString();
    if (direct && (e instanceof ObjectCreationExpr || e instanceof ArrayCreationExpr)) return null;
    if (direct && e instanceof NameExpr n && loop.isFreshInIteration(n)) return null;
    return (w.target() == Access.Target.ARRAY_ELEMENT ? "elements of " : "the state of ") + e + ", which other iterations share";
  }

  private LoopAnalysis.Base rootBase(Expression e) {
    Expression cur = e;
    while (cur instanceof ArrayAccessExpr a) cur = a.getName();
    if (cur instanceof ThisExpr) return null;
    return loop.baseOf(cur);
  }
}
