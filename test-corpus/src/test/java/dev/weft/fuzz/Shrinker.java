package dev.weft.fuzz;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.weft.fuzz.Differential.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shrinks a failing program by dropping statements (and then whole methods other than
 * {@code main}) while the differential check still fails with the same {@link Verdict#signature()}
 * (delta debugging, one node at a time, last node first). A candidate whose original no longer
 * compiles or runs is INVALID, so it is never kept.
 *
 * <p>Limit: it only removes; it does not simplify expressions or inline calls.
 */
public final class Shrinker {

  private final Function<String, Verdict> check;
  private final String signature;
  private int attemptsLeft;

  public Shrinker(Differential differential, String signature, int maxAttempts) {
    this(differential::check, signature, maxAttempts);
  }

  /** With another check, e.g. the oracle's doctored one. */
  public Shrinker(Function<String, Verdict> check, String signature, int maxAttempts) {
    this.check = check;
    this.signature = signature;
    this.attemptsLeft = maxAttempts;
  }

  /** The smallest program found that still fails the same way (the input when none). */
  public String shrink(String source) {
    String best = source;
    boolean progress = true;
    while (progress && attemptsLeft > 0) {
      progress = false;
      int candidates = candidates(parse(best)).size();
      // last first: later statements depend on earlier ones, not the other way round
      for (int k = candidates - 1; k >= 0 && attemptsLeft > 0; k--) {
        CompilationUnit cu = parse(best);
        List<Node> nodes = candidates(cu);
        if (k >= nodes.size()) continue;
        nodes.get(k).remove();
        String smaller = cu.toString();
        attemptsLeft--;
        if (check.apply(smaller).signature().equals(signature)) {
          best = smaller;
          progress = true;
        }
      }
    }
    return best;
  }

  /**
   * In the order they are tried, from the end of the list: statements of {@code main} (dropping a
   * call leaves its kernel unused), then methods other than main, then every other statement.
   */
  private static List<Node> candidates(CompilationUnit cu) {
    List<Node> main = new ArrayList<>();
    List<Node> others = new ArrayList<>();
    cu.walk(Statement.class, s -> {
      if (!(s.getParentNode().orElse(null) instanceof BlockStmt)) return;
      boolean inMain = s.findAncestor(MethodDeclaration.class).map(m -> m.getNameAsString().equals("main")).orElse(false);
      (inMain ? main : others).add(s);
    });
    cu.walk(MethodDeclaration.class, m -> {
      if (!m.getNameAsString().equals("main")) others.add(m);
    });
    others.addAll(main);
    return others;
  }

  private static CompilationUnit parse(String source) {
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    Optional<CompilationUnit> cu = parser.parse(source).getResult();
    return cu.orElseThrow(() -> new IllegalStateException("the program does not parse"));
  }
}
