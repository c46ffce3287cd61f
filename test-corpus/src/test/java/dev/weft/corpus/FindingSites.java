package dev.weft.corpus;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a program must have findings, derived from the syntax alone by the rules of analyzer/docs/findings.md
 * ("What is a finding, and on which line"), given the program's own markers (to know which loops
 * are accepted, so that the loops nested in them have no finding of their own).
 *
 * <p>This is a lint for the corpus, not a second analyzer: it checks that every loop, recursion and
 * run of calls carries a marker and that no marker sits elsewhere. Calls are matched to the
 * program's methods by simple name (the corpus avoids overloads that would make this ambiguous).
 * An assignment whose value is such a call, next to another call statement, is reported as an
 * ambiguous run, because the contract does not say whether {@code x = f(a);} is a call statement.
 */
public final class FindingSites {

  /** What a site is. */
  public enum Kind {
    LOOP,
    CALLS,
    RECURSION
  }

  /** One place that must have exactly one finding. */
  public record Site(String file, int line, Kind kind) {}

  /** The sites, and any problems that make the expectation ambiguous. */
  public record Result(ImmutableList<Site> sites, ImmutableList<String> problems) {}

  private FindingSites() {}

  public static Result of(Path programDir, List<Marker> markers) {
    Map<String, Verdict> byLine = new HashMap<>();
    for (Marker m : markers) {
      byLine.put(m.where(), m.verdict());
    }
    StaticJavaParser.getParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    Map<String, CompilationUnit> units = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(programDir)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
        units.put(programDir.relativize(f).toString().replace('\\', '/'), StaticJavaParser.parse(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Methods worth a task: their body has a loop or calls itself.
    Set<String> worth = new HashSet<>();
    for (CompilationUnit cu : units.values()) {
      for (MethodDeclaration md : cu.findAll(MethodDeclaration.class)) {
        if (hasLoop(md) || selfCalls(md) >= 1) {
          worth.add(md.getNameAsString());
        }
      }
    }
    List<Site> sites = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, CompilationUnit> e : units.entrySet()) {
      String file = e.getKey();
      CompilationUnit cu = e.getValue();
      for (Node loop : loops(cu)) {
        if (!insideAcceptedLoop(file, loop, byLine)) {
          sites.add(new Site(file, line(loop), Kind.LOOP));
        }
      }
      for (MethodDeclaration md : cu.findAll(MethodDeclaration.class)) {
        if (selfCalls(md) >= 2) {
          sites.add(new Site(file, md.getName().getBegin().orElseThrow().line, Kind.RECURSION));
        }
      }
      for (BlockStmt block : cu.findAll(BlockStmt.class)) {
        if (insideAcceptedLoop(file, block, byLine)) {
          continue;
        }
        String self =
            block.findAncestor(MethodDeclaration.class).map(MethodDeclaration::getNameAsString).orElse("");
        int runStart = -1;
        int runLength = 0;
        boolean runAmbiguous = false;
        for (Statement s : block.getStatements()) {
          CallShape shape = callShape(s, worth, self);
          if (shape == CallShape.NONE) {
            if (runLength >= 2) {
              close(file, runStart, runAmbiguous, sites, problems);
            }
            runLength = 0;
            runAmbiguous = false;
            continue;
          }
          if (runLength == 0) {
            runStart = line(s);
          }
          runLength++;
          runAmbiguous |= shape == CallShape.ASSIGNMENT;
        }
        if (runLength >= 2) {
          close(file, runStart, runAmbiguous, sites, problems);
        }
      }
    }
    return new Result(ImmutableList.copyOf(sites), ImmutableList.copyOf(problems));
  }

  private static void close(String file, int line, boolean ambiguous, List<Site> sites, List<String> problems) {
    if (ambiguous) {
      problems.add(file + ":" + line + ": run of calls includes an assignment x = f(...): ambiguous candidate");
    } else {
      sites.add(new Site(file, line, Kind.CALLS));
    }
  }

  private enum CallShape {
    NONE,
    CALL,
    ASSIGNMENT
  }

  private static CallShape callShape(Statement s, Set<String> worth, String self) {
    if (!(s instanceof ExpressionStmt)) {
      return CallShape.NONE;
    }
    Expression e = ((ExpressionStmt) s).getExpression();
    if (e instanceof VariableDeclarationExpr) {
      VariableDeclarationExpr v = (VariableDeclarationExpr) e;
      if (v.getVariables().size() != 1) {
        return CallShape.NONE;
      }
      Optional<Expression> init = v.getVariables().get(0).getInitializer();
      return init.isPresent() && isWorthCall(init.get(), worth, self) ? CallShape.CALL : CallShape.NONE;
    }
    if (e instanceof AssignExpr) {
      return isWorthCall(((AssignExpr) e).getValue(), worth, self) ? CallShape.ASSIGNMENT : CallShape.NONE;
    }
    return isWorthCall(e, worth, self) ? CallShape.CALL : CallShape.NONE;
  }

  private static boolean isWorthCall(Expression e, Set<String> worth, String self) {
    if (!(e instanceof MethodCallExpr)) {
      return false;
    }
    MethodCallExpr call = (MethodCallExpr) e;
    String name = call.getNameAsString();
    // Self-calls belong to the divide-and-conquer candidate, not to a run of calls.
    return worth.contains(name) && !name.equals(self);
  }

  private static List<Node> loops(CompilationUnit cu) {
    List<Node> out = new ArrayList<>();
    out.addAll(cu.findAll(ForStmt.class));
    out.addAll(cu.findAll(ForEachStmt.class));
    out.addAll(cu.findAll(WhileStmt.class));
    out.addAll(cu.findAll(DoStmt.class));
    return out;
  }

  private static boolean hasLoop(Node n) {
    return !n.findAll(ForStmt.class).isEmpty()
        || !n.findAll(ForEachStmt.class).isEmpty()
        || !n.findAll(WhileStmt.class).isEmpty()
        || !n.findAll(DoStmt.class).isEmpty();
  }

  private static int selfCalls(MethodDeclaration md) {
    int n = 0;
    for (MethodCallExpr call : md.findAll(MethodCallExpr.class)) {
      boolean unscoped = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
      if (unscoped
          && call.getNameAsString().equals(md.getNameAsString())
          && call.getArguments().size() == md.getParameters().size()
          && call.findAncestor(CallableDeclaration.class).orElse(null) == md) {
        n++;
      }
    }
    return n;
  }

  private static boolean isLoop(Node n) {
    return n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
  }

  private static boolean insideAcceptedLoop(String file, Node n, Map<String, Verdict> byLine) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (isLoop(p)) {
        Verdict v = byLine.get(file + ":" + line(p));
        if (v != null && v.isAccepted()) {
          return true;
        }
      }
    }
    return false;
  }

  private static int line(Node n) {
    return n.getBegin().orElseThrow().line;
  }
}
