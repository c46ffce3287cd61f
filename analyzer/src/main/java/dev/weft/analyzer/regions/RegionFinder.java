package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.blockers.UnresolvedSymbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds every candidate of one file (analyzer/docs/findings.md, "What is a finding"): each loop, outermost
 * first, skipping loops inside an accepted loop; each method with two or more self-calls; each
 * run of two or more consecutive calls worth a task outside accepted loops.
 */
public final class RegionFinder {

  /** What one file yields. */
  public record Findings(ImmutableList<Region> regions, ImmutableList<Rejection> rejected) {}

  private final FileContext ctx;
  private final List<Region> regions = new ArrayList<>();
  private final List<Rejection> rejected = new ArrayList<>();
  private final Set<Node> accepted = Collections.newSetFromMap(new IdentityHashMap<>());

  public RegionFinder(FileContext ctx) {
    this.ctx = ctx;
  }

  public Findings find() {
    for (Statement loop : ctx.unit().findAll(Statement.class, WorkEstimator::isLoop)) {
      if (insideAccepted(loop)) continue;
      LoopAnalysis.Outcome o;
      try {
        o = new LoopAnalysis(ctx, loop).run();
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        // Never guess: a loop we fail to analyse is rejected, naming the failure.
        rejected.add(new Rejection("loop", ctx.location(loop), ctx.methodOf(loop), ImmutableList.of(
            UnresolvedSymbol.of("the analysis could not resolve what this loop does: " + e, ctx.witness(loop)))));
        continue;
      }
      if (o.region() != null) {
        regions.add(o.region());
        accepted.add(loop);
      } else {
        rejected.add(o.rejection());
      }
    }
    CallRegions calls = new CallRegions(ctx);
    Set<Node> selfCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MethodDeclaration md : ctx.unit().findAll(MethodDeclaration.class)) {
      List<MethodCallExpr> self = CallRegions.selfCalls(md);
      if (self.size() < 2) continue;
      selfCalls.addAll(self);
      add(guard(() -> calls.divideAndConquer(md, self), md));
    }
    for (BlockStmt b : ctx.unit().findAll(BlockStmt.class)) {
      if (insideAccepted(b)) continue;
      List<Statement> run = new ArrayList<>();
      for (Statement s : b.getStatements()) {
        boolean candidate = CallRegions.callOf(s).filter(m -> !selfCalls.contains(m) && CallRegions.worthATask(m)).isPresent();
        if (candidate) {
          run.add(s);
        } else {
          flush(calls, run);
        }
      }
      flush(calls, run);
    }
    Collections.sort(regions, (x, y) -> x.location().compareTo(y.location()));
    Collections.sort(rejected, (x, y) -> x.location().compareTo(y.location()));
    return new Findings(ImmutableList.copyOf(regions), ImmutableList.copyOf(rejected));
  }

  private void flush(CallRegions calls, List<Statement> run) {
    if (run.size() >= 2) {
      List<Statement> copy = List.copyOf(run);
      add(guard(() -> calls.independentCalls(copy), copy.get(0)));
    }
    run.clear();
  }

  private Object guard(java.util.function.Supplier<Object> f, Node n) {
    try {
      return f.get();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return new Rejection(n instanceof MethodDeclaration ? "recursion" : "calls",
          n instanceof MethodDeclaration md ? ctx.location(md.getName()) : ctx.location(n), ctx.methodOf(n),
          ImmutableList.of(UnresolvedSymbol.of("the analysis could not resolve what this code does: " + e, ctx.witness(n))));
    }
  }

  private void add(Object o) {
    if (o instanceof Region r) regions.add(r);
    else rejected.add((Rejection) o);
  }

  private boolean insideAccepted(Node n) {
    for (Node c = n.getParentNode().orElse(null); c != null; c = c.getParentNode().orElse(null)) {
      if (accepted.contains(c)) return true;
    }
    return false;
  }
}
