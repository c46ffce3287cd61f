package dev.weft.analyzer.regions;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.AnalysisOptions;
import dev.weft.analyzer.effects.EffectOracle;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.analyzer.findings.Witness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What every pass over one file needs: where it is, its text, the oracle and the options. */
public final class FileContext {

  private final String file;
  private final String[] lines;
  private final CompilationUnit unit;
  private final EffectOracle oracle;
  private final AnalysisOptions options;
  private final WorkEstimator work;

  public FileContext(String file, String text, CompilationUnit unit, EffectOracle oracle, AnalysisOptions options) {
    this.file = file;
    this.lines = text.split("\r?\n", -1);
    this.unit = unit;
    this.oracle = oracle;
    this.options = options;
    this.work = new WorkEstimator(this);
  }

  public String file() {
    return file;
  }

  public CompilationUnit unit() {
    return unit;
  }

  public EffectOracle oracle() {
    return oracle;
  }

  public AnalysisOptions options() {
    return options;
  }

  WorkEstimator work() {
    return work;
  }

  public SourceLocation location(Node n) {
    return n.getBegin().map(p -> new SourceLocation(file, p.line, p.column)).orElse(new SourceLocation(file, 0, 0));
  }

  /** The node's exact source text when it sits on one line, JavaParser's printing otherwise. */
  public String code(Node n) {
    if (n.getRange().isPresent()) {
      var r = n.getRange().get();
      if (r.begin.line == r.end.line && r.begin.line - 1 < lines.length) {
        String l = lines[r.begin.line - 1];
        // JavaParser columns count a tab as one character, like String indices.
        if (r.end.column <= l.length()) return l.substring(r.begin.column - 1, r.end.column);
      }
    }
    String s = n.toString().replaceAll("\\s+", " ");
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  public Witness witness(Node n) {
    return Witness.at(location(n), code(n));
  }

  public Witness witness(Node n, List<String> chain) {
    return new Witness(location(n), code(n), ImmutableList.copyOf(chain));
  }

  /** {@code pkg.Outer.Inner.method(int,double[])}: the callable that holds the node. */
  public String methodOf(Node n) {
    Node c = n;
    while (c != null && !(c instanceof CallableDeclaration<?>) && !(c instanceof InitializerDeclaration)
        && !(c instanceof FieldDeclaration)) {
      c = c.getParentNode().orElse(null);
    }
    String name;
    if (c instanceof CallableDeclaration<?> cd) {
      List<String> params = new ArrayList<>();
      cd.getParameters().forEach(p -> params.add(p.getType().asString().replaceAll("<.*>", "") + (p.isVarArgs() ? "..." : "")));
      name = cd.getNameAsString() + "(" + String.join(",", params) + ")";
      if (cd.isConstructorDeclaration()) name = "<init>(" + String.join(",", params) + ")";
    } else if (c instanceof InitializerDeclaration id) {
      name = id.isStatic() ? "<clinit>()" : "<init>()";
    } else if (c instanceof FieldDeclaration fd) {
      name = (fd.isStatic() ? "<clinit>()" : "<init>()");
    } else {
      name = "?";
    }
    return typeNameOf(c == null ? n : c) + "." + name;
  }

  String typeNameOf(Node n) {
    List<String> names = new ArrayList<>();
    Node c = n.getParentNode().orElse(null);
    while (c != null) {
      if (c instanceof TypeDeclaration<?> td) names.add(td.getNameAsString());
      else if (c instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) names.add("1");
      c = c.getParentNode().orElse(null);
    }
    Collections.reverse(names);
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
    return pkg + String.join(".", names);
  }
}
