package dev.weft.transformer.rewrites;

import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.google.common.collect.ImmutableList;
import dev.weft.transformer.source.Edit;
import java.util.List;
import java.util.Set;

/**
 * Independent calls: {@code f(a); g(b);} becomes {@code Weft.join(() -> f(a), () -> g(b));} (the
 * runtime forks one and runs the other in place). Declarations {@code T x = f(a); U y = g(b);}
 * come back through a local record.
 *
 * <p>The region names only the first statement of the run; this rewrite takes exactly two
 * statements, a prefix of any longer run the analyzer proved independent, so it never forks a
 * call the analyzer did not clear. TODO: runs of three or more once the Region says its length.
 */
public final class ForkIndependentCalls {

  public Outcome rewrite(RegionSite site) {
    if (!(site.node() instanceof Statement first) || !(first.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return Outcome.skip("the region's location is not a statement in a block");
    }
    List<Statement> statements = block.getStatements();
    int at = statements.indexOf(first);
    if (at + 1 >= statements.size()) return Outcome.skip("no statement follows the first call");
    Object pair = CallPair.of(first, statements.get(at + 1));
    if (pair instanceof String reason) return Outcome.skip(reason);
    CallPair p = (CallPair) pair;

    String indent = site.indentOf(first);
    String eol = site.eol();
    Set<String> captured = site.capturesIn(p.calls(), Set.of());
    RegionSite.Snapshots snapshots = site.snapshots(captured, first, indent);
    StringBuilder out = new StringBuilder();
    // Comments between the two statements would fall inside the replaced range: keep them above.
    for (Comment c : site.cu().getAllContainedComments()) {
      int b = site.source().begin(c);
      if (b >= site.source().end(first) && b < site.source().begin(p.second)) {
        out.append(site.source().textOf(c).stripTrailing()).append(eol).append(indent);
      }
    }
    out.append(snapshots.lines()).append(site.headline("")).append(eol).append(indent)
        .append(p.fork(site, snapshots.renames(), indent, false));
    Edit edit = new Edit(site.source().begin(first), site.source().end(p.second), out.toString());
    return new Outcome.Rewritten(ImmutableList.of(edit), getClass().getSimpleName());
  }
}
