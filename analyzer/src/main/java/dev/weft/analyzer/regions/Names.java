package dev.weft.analyzer.regions;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scope lookup of local variables and parameters by walking up the tree from a use, without the
 * symbol solver (which is slow and which we only need for fields). A name this does not find is a
 * field, an enum constant, a pattern variable or unresolved: {@link #classify} asks the solver then.
 */
final class Names {

  enum Kind { LOCAL, FIELD, STATIC_FIELD, OTHER, UNRESOLVED }

  /** A resolved name: for LOCAL the declaring VariableDeclarator or Parameter node. */
  record Ref(Kind kind, Node declaration, String name) {}

  private Names() {}

  static Ref classify(NameExpr use) {
    String name = use.getNameAsString();
    Node decl = findLocal(use, name);
    if (decl != null) return new Ref(Kind.LOCAL, decl, name);
    try {
      ResolvedValueDeclaration d = Resolutions.name(use);
      if (d.isField()) return new Ref(d.asField().isStatic() ? Kind.STATIC_FIELD : Kind.FIELD, null, name);
      if (d.isEnumConstant()) return new Ref(Kind.STATIC_FIELD, null, name);
      return new Ref(Kind.OTHER, null, name);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return new Ref(Kind.UNRESOLVED, null, name);
    }
  }

  static Node findLocal(Node use, String name) {
    Node child = use;
    Node p = use.getParentNode().orElse(null);
    while (p != null) {
      Node found = null;
      if (p instanceof BlockStmt b) {
        found = inStatements(b.getStatements(), child, name);
      } else if (p instanceof SwitchStmt s) {
        List<Statement> all = new ArrayList<>();
        for (SwitchEntry e : s.getEntries()) all.addAll(e.getStatements());
        Node stop = child instanceof SwitchEntry se && !se.getStatements().isEmpty() ? null : child;
        found = inStatements(all, stop, name);
      } else if (p instanceof SwitchEntry e) {
        found = inStatements(e.getStatements(), child, name);
      } else if (p instanceof ForStmt f) {
        for (Expression init : f.getInitialization()) {
          if (init instanceof VariableDeclarationExpr v) found = declarator(v, name);
          if (found != null) break;
        }
      } else if (p instanceof ForEachStmt fe) {
        if (child != fe.getIterable()) found = declarator(fe.getVariable(), name);
      } else if (p instanceof CatchClause c) {
        if (c.getParameter().getNameAsString().equals(name)) found = c.getParameter();
      } else if (p instanceof LambdaExpr l) {
        for (Parameter prm : l.getParameters()) if (prm.getNameAsString().equals(name)) found = prm;
      } else if (p instanceof CallableDeclaration<?> cd) {
        for (Parameter prm : cd.getParameters()) if (prm.getNameAsString().equals(name)) found = prm;
      } else if (p instanceof TryStmt t) {
        for (Expression r : t.getResources()) {
          if (r instanceof VariableDeclarationExpr v && found == null) found = declarator(v, name);
        }
      }
      if (found != null) return found;
      child = p;
      p = p.getParentNode().orElse(null);
    }
    return null;
  }

  private static Node inStatements(List<Statement> statements, Node stop, String name) {
    Node found = null;
    for (Statement s : statements) {
      if (s == stop) break;
      if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
        Node d = declarator(v, name);
        if (d != null) found = d;
      }
    }
    return found;
  }

  private static Node declarator(VariableDeclarationExpr v, String name) {
    for (VariableDeclarator d : v.getVariables()) if (d.getNameAsString().equals(name)) return d;
    return null;
  }

  /** The callable (or lambda-free top: initializer, field) whose body holds the node. */
  static Node enclosingCallable(Node n) {
    Node c = n;
    Node last = n;
    while (c != null) {
      if (c instanceof CallableDeclaration<?>) return c;
      if (c instanceof com.github.javaparser.ast.body.InitializerDeclaration) return c;
      if (c instanceof com.github.javaparser.ast.body.FieldDeclaration) return c;
      last = c;
      c = c.getParentNode().orElse(null);
    }
    return last;
  }

  /** Every place the local is assigned or incremented, found by name and confirmed by lookup. */
  static List<Expression> assignmentsOf(Node declaration, String name) {
    List<Expression> out = new ArrayList<>();
    for (Expression e : assignmentsByName(enclosingCallable(declaration)).getOrDefault(name, List.of())) {
      NameExpr n = (NameExpr) (e instanceof AssignExpr a ? a.getTarget() : ((UnaryExpr) e).getExpression());
      if (findLocal(n, name) == declaration) out.add(e);
    }
    return out;
  }

  private static final DataKey<Map<String, List<Expression>>> ASSIGNMENTS = new DataKey<>() {};

  /**
   * The assignments ({@code x = …}, {@code x op= …}) and then the increments of simple names in
   * {@code scope}, by name, in source order. Computed once per callable and kept on its node: the
   * passes ask for every local of a method, and walking the method each time was a tenth of the
   * analysis of Commons Math.
   */
  private static Map<String, List<Expression>> assignmentsByName(Node scope) {
    if (scope.containsData(ASSIGNMENTS)) return scope.getData(ASSIGNMENTS);
    Map<String, List<Expression>> byName = new HashMap<>();
    for (AssignExpr a : scope.findAll(AssignExpr.class)) {
      if (a.getTarget() instanceof NameExpr n) byName.computeIfAbsent(n.getNameAsString(), k -> new ArrayList<>()).add(a);
    }
    for (UnaryExpr u : scope.findAll(UnaryExpr.class)) {
      if (isIncrement(u) && u.getExpression() instanceof NameExpr n) {
        byName.computeIfAbsent(n.getNameAsString(), k -> new ArrayList<>()).add(u);
      }
    }
    scope.setData(ASSIGNMENTS, byName);
    return byName;
  }

  static boolean isIncrement(UnaryExpr u) {
    return switch (u.getOperator()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  /** Final or effectively final (JLS 4.12.4, approximated: initialised and never assigned again). */
  static boolean effectivelyFinal(Node declaration, String name) {
    List<Expression> assigns = assignmentsOf(declaration, name);
    if (declaration instanceof VariableDeclarator d) {
      if (d.getInitializer().isPresent()) return assigns.isEmpty();
      return assigns.size() == 1 && assigns.get(0) instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN
          && !insideLoop(a, enclosingCallable(declaration));
    }
    return assigns.isEmpty();
  }

  private static boolean insideLoop(Node n, Node top) {
    for (Node c = n.getParentNode().orElse(null); c != null && c != top; c = c.getParentNode().orElse(null)) {
      if (WorkEstimator.isLoop(c)) return true;
    }
    return false;
  }

  static boolean isDeclaredFinal(Node declaration) {
    if (declaration instanceof VariableDeclarator d) {
      return d.getParentNode().filter(p -> p instanceof VariableDeclarationExpr v && v.isFinal()).isPresent();
    }
    return declaration instanceof Parameter p && p.isFinal();
  }

  static Optional<Expression> initializer(Node declaration) {
    return declaration instanceof VariableDeclarator d ? d.getInitializer() : Optional.empty();
  }

  static String declaredType(Node declaration) {
    if (declaration instanceof VariableDeclarator d) return d.getTypeAsString();
    if (declaration instanceof Parameter p) return p.getTypeAsString() + (p.isVarArgs() ? "[]" : "");
    return "";
  }
}
