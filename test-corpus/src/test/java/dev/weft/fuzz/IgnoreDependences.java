package dev.weft.fuzz;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForStmt;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Blocker;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Rejection;
import dev.weft.analyzer.findings.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The oracle's debug switch: a doctored report that parallelises loops ignoring dependences. The
 * analyzer and transformer offer no such switch, so it is done here: every rejected counted
 * {@code for} loop whose only blocker is {@code LoopCarriedDependence} becomes a DOALL region,
 * provided it assigns no local declared outside it (such a rewrite could not compile: a lambda
 * cannot assign a captured local). If the differential check is any good it notices most of them.
 */
public final class IgnoreDependences {

  private IgnoreDependences() {}

  public static Report doctor(Report report, Path dir) {
    List<Region> regions = new ArrayList<>(report.regions());
    for (Rejection r : report.rejected()) {
      if (!r.candidate().equals("loop")) continue;
      if (!r.blockers().stream().map(Blocker::id).allMatch("LoopCarriedDependence"::equals)) continue;
      Optional<ForStmt> loop = forAt(dir.resolve(r.location().file()), r.location().line());
      if (loop.isEmpty() || assignsOuterLocal(loop.get())) continue;
      regions.add(new Region(RegionKind.DOALL_LOOP, r.location(), r.method(), 1_000_000, 100, null, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of("doctored: dependences ignored"), ImmutableList.of(), false));
    }
    regions.sort((a, b) -> a.location().compareTo(b.location()));
    return new Report(report.root(), report.filesAnalysed(), ImmutableList.copyOf(regions), report.rejected(),
        report.problems(), report.blockerCounts(), report.seconds());
  }

  private static Optional<ForStmt> forAt(Path file, int line) {
    try {
      JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
      Optional<CompilationUnit> cu = parser.parse(Files.readString(file, StandardCharsets.UTF_8)).getResult();
      if (cu.isEmpty()) return Optional.empty();
      return cu.get().findAll(ForStmt.class).stream()
          .filter(f -> f.getBegin().map(p -> p.line == line).orElse(false)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean assignsOuterLocal(ForStmt loop) {
    Set<String> inside = new HashSet<>();
    loop.walk(VariableDeclarator.class, v -> inside.add(v.getNameAsString()));
    Set<String> assigned = new HashSet<>();
    loop.getBody().walk(AssignExpr.class, a -> name(a.getTarget(), assigned));
    loop.getBody().walk(UnaryExpr.class, u -> {
      if (u.getOperator() != UnaryExpr.Operator.MINUS && u.getOperator() != UnaryExpr.Operator.PLUS
          && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT) {
        name(u.getExpression(), assigned);
      }
    });
    assigned.removeAll(inside);
    return !assigned.isEmpty();
  }

  private static void name(Node target, Set<String> out) {
    if (target instanceof NameExpr n) out.add(n.getNameAsString());
  }
}
