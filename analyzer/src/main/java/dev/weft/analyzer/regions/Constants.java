package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Compile-time integer values, for trip counts (contract: literals, constant variables, static
 * final primitives with constant initialisers, and {@code .length} of an array allocated once with
 * a constant size).
 */
final class Constants {

  private static final int MAX_DEPTH = 8;

  private Constants() {}

  static OptionalLong value(Expression e) {
    return value(e, 0);
  }

  private static OptionalLong value(Expression e, int depth) {
    if (depth > MAX_DEPTH) return OptionalLong.empty();
    if (e instanceof IntegerLiteralExpr i) return OptionalLong.of(i.asNumber().longValue());
    if (e instanceof LongLiteralExpr l) return OptionalLong.of(l.asNumber().longValue());
    if (e instanceof EnclosedExpr en) return value(en.getInner(), depth);
    if (e instanceof CastExpr c) return value(c.getExpression(), depth);
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      OptionalLong v = value(u.getExpression(), depth);
      return v.isPresent() ? OptionalLong.of(-v.getAsLong()) : v;
    }
    if (e instanceof BinaryExpr b) {
      OptionalLong l = value(b.getLeft(), depth);
      OptionalLong r = value(b.getRight(), depth);
      if (l.isEmpty() || r.isEmpty()) return OptionalLong.empty();
      long x = l.getAsLong(), y = r.getAsLong();
      return switch (b.getOperator()) {
        case PLUS -> OptionalLong.of(x + y);
        case MINUS -> OptionalLong.of(x - y);
        case MULTIPLY -> OptionalLong.of(x * y);
        case DIVIDE -> y == 0 ? OptionalLong.empty() : OptionalLong.of(x / y);
        case REMAINDER -> y == 0 ? OptionalLong.empty() : OptionalLong.of(x % y);
        case LEFT_SHIFT -> OptionalLong.of(x << y);
        case SIGNED_RIGHT_SHIFT -> OptionalLong.of(x >> y);
        default -> OptionalLong.empty();
      };
    }
    if (e instanceof NameExpr n) {
      return constantVariable(n).map(init -> value(init, depth + 1)).orElse(OptionalLong.empty());
    }
    if (e instanceof FieldAccessExpr fa && fa.getNameAsString().equals("length")) {
      return arrayLength(fa.getScope(), depth);
    }
    return OptionalLong.empty();
  }

  /** The initializer of a final local or a static final field named by {@code n}. */
  private static Optional<Expression> constantVariable(NameExpr n) {
    Node local = Names.findLocal(n, n.getNameAsString());
    if (local != null) {
      return Names.isDeclaredFinal(local) ? Names.initializer(local) : Optional.empty();
    }
    return staticFinalField(n);
  }

  private static Optional<Expression> staticFinalField(NameExpr n) {
    try {
      ResolvedValueDeclaration d = Resolutions.name(n);
      if (!d.isField() || !d.asField().isStatic()) return Optional.empty();
      Optional<Node> ast = d.asField().toAst();
      if (ast.isEmpty()) return Optional.empty();
      Node node = ast.get();
      VariableDeclarator v = null;
      if (node instanceof VariableDeclarator vd) v = vd;
      else if (node instanceof FieldDeclaration fd) {
        for (VariableDeclarator vd : fd.getVariables()) if (vd.getNameAsString().equals(n.getNameAsString())) v = vd;
      }
      if (v == null) return Optional.empty();
      Optional<FieldDeclaration> fd = v.findAncestor(FieldDeclaration.class);
      if (fd.isEmpty() || !fd.get().isFinal() || !fd.get().isStatic()) return Optional.empty();
      return v.getInitializer();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  static OptionalLong lengthOf(Expression array) {
    return arrayLength(array, 0);
  }

  private static OptionalLong arrayLength(Expression array, int depth) {
    if (!(array instanceof NameExpr n)) return OptionalLong.empty();
    Optional<Expression> init;
    Node local = Names.findLocal(n, n.getNameAsString());
    if (local != null) {
      init = Names.effectivelyFinal(local, n.getNameAsString()) ? Names.initializer(local) : Optional.empty();
    } else {
      init = staticFinalField(n);
    }
    if (init.isEmpty()) return OptionalLong.empty();
    if (init.get() instanceof ArrayCreationExpr ac && !ac.getLevels().isEmpty()) {
      return ac.getLevels().get(0).getDimension().map(d -> value(d, depth + 1))
          .orElse(ac.getInitializer().map(i -> OptionalLong.of(i.getValues().size())).orElse(OptionalLong.empty()));
    }
    if (init.get() instanceof ArrayInitializerExpr ai) return OptionalLong.of(ai.getValues().size());
    return OptionalLong.empty();
  }
}
