package dev.weft.transformer;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import dev.weft.transformer.RewriteResult.FileChange;
import dev.weft.transformer.RewriteResult.RegionOutcome;
import dev.weft.transformer.RewriteResult.Status;
import dev.weft.transformer.check.CompileCheck;
import dev.weft.transformer.rewrites.BufferOrderedAppend;
import dev.weft.transformer.rewrites.ForkDivideAndConquer;
import dev.weft.transformer.rewrites.ForkIndependentCalls;
import dev.weft.transformer.rewrites.LoopRange;
import dev.weft.transformer.rewrites.LoopRewrite;
import dev.weft.transformer.rewrites.MergeKeyedReduction;
import dev.weft.transformer.rewrites.Names;
import dev.weft.transformer.rewrites.Outcome;
import dev.weft.transformer.rewrites.ParallelizeCountedLoop;
import dev.weft.transformer.rewrites.ParallelizeEnhancedLoop;
import dev.weft.transformer.rewrites.PrivatizeArrayReduction;
import dev.weft.transformer.rewrites.PrivatizeReduction;
import dev.weft.transformer.rewrites.RegionSite;
import dev.weft.transformer.rewrites.VersionOnAliasCheck;
import dev.weft.transformer.source.Edit;
import dev.weft.transformer.source.ImportPlacer;
import dev.weft.transformer.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the analyzer's accepted regions into runtime calls (DESIGN.md §3).
 *
 * <p>Flow, per file: read it exactly (charset, byte-order mark, line separator kept), parse it,
 * locate each region's node from its location, re-derive the loop or call shape from the AST, and
 * let the one rewrite class for that shape produce a text edit that quotes the original code. Edits
 * only replace the region's own statements, so everything else stays byte for byte; comments inside
 * a region move with its text. Then: add the import once, re-parse, and compile every changed file
 * in-process. A file whose rewrite does not compile is reported as a failure and left out.
 *
 * <p>Why text edits and not the LexicalPreservingPrinter: moving a block under a new parent with
 * LPP keeps its old absolute indentation and can drop comments (JavaParser #4376, #3677); quoting
 * the original text and re-indenting it keeps both by construction. The AST still decides every
 * rewrite; only the printing is textual.
 */
public final class Rewriter {

  private static final Set<RegionKind> LOOP_KINDS = EnumSet.of(RegionKind.DOALL_LOOP, RegionKind.REDUCTION,
      RegionKind.ARRAY_REDUCTION, RegionKind.ORDERED_APPEND, RegionKind.KEYED_REDUCTION);

  private final RewriteOptions options;

  public Rewriter(RewriteOptions options) {
    this.options = options;
  }

  public RewriteResult rewrite(Path directory, Report report) throws IOException {
    Path root = directory.toAbsolutePath().normalize();
    Map<String, List<Region>> byFile = new TreeMap<>();
    for (Region r : report.regions()) byFile.computeIfAbsent(r.location().file(), f -> new ArrayList<>()).add(r);

    Map<Region, RegionOutcome> outcomes = new LinkedHashMap<>();
    Map<String, PendingFile> pending = new TreeMap<>();
    for (Map.Entry<String, List<Region>> e : byFile.entrySet()) {
      PendingFile p = rewriteFile(root, e.getKey(), e.getValue(), outcomes);
      if (p != null) pending.put(e.getKey(), p);
    }
    List<PendingFile> rejected = new ArrayList<>();
    if (options.compileCheck() && !pending.isEmpty()) compileCheck(root, pending, outcomes, rejected);

    ImmutableList.Builder<FileChange> files = ImmutableList.builder();
    for (PendingFile p : pending.values()) {
      files.add(new FileChange(p.source.relativePath(), p.source.text(), p.newText, p.source.charset(), p.bom));
    }
    ImmutableList.Builder<RegionOutcome> ordered = ImmutableList.builder();
    for (Region r : report.regions()) ordered.add(outcomes.get(r));
    ImmutableList<FileChange> failed = rejected.stream()
        .map(p -> new FileChange(p.source.relativePath(), p.source.text(), p.newText, p.source.charset(), p.bom))
        .collect(ImmutableList.toImmutableList());
    return new RewriteResult(root.toString(), files.build(), ordered.build(), failed);
  }

  /** A file with rewrites that parse; dropped again if it does not compile. */
  private record PendingFile(SourceFile source, boolean bom, String newText, List<Region> regions) {}

  private PendingFile rewriteFile(Path root, String relative, List<Region> regions, Map<Region, RegionOutcome> outcomes)
      throws IOException {
    Path path = root.resolve(relative);
    if (!Files.isRegularFile(path)) {
      regions.forEach(r -> outcomes.put(r, new RegionOutcome(r, Status.SKIPPED, "", "file not found: " + relative)));
      return null;
    }
    SourceFile source = SourceFile.read(root, path);
    boolean bom = source.byteOrderMark();
    Optional<CompilationUnit> parsed = parse(source.text());
    if (parsed.isEmpty()) {
      regions.forEach(r -> outcomes.put(r, new RegionOutcome(r, Status.SKIPPED, "", "the file does not parse")));
      return null;
    }
    CompilationUnit cu = parsed.get();
    Names names = new Names();
    String weft = ImportPlacer.simpleNameTaken(cu) ? ImportPlacer.RUNTIME_CLASS : "Weft";
    String unit = indentUnit(cu, source);

    List<Edit> edits = new ArrayList<>();
    List<Region> rewritten = new ArrayList<>();
    for (Region region : regions) {
      Optional<Node> node = locate(cu, region);
      if (node.isEmpty()) {
        outcomes.put(region, new RegionOutcome(region, Status.SKIPPED, "", "no " + expected(region) + " at " + region.location()));
        continue;
      }
      if (alreadyRewritten(node.get(), region.kind())) {
        outcomes.put(region, new RegionOutcome(region, Status.ALREADY_REWRITTEN, "", "already a Weft runtime call"));
        continue;
      }
      RegionSite site = new RegionSite(source, cu, region, node.get(), names, weft, unit);
      Outcome outcome = dispatch(site);
      if (outcome instanceof Outcome.Skipped s) {
        outcomes.put(region, new RegionOutcome(region, s.already() ? Status.ALREADY_REWRITTEN : Status.SKIPPED, "", s.reason()));
        continue;
      }
      Outcome.Rewritten done = (Outcome.Rewritten) outcome;
      boolean overlaps = done.edits().stream().anyMatch(a -> edits.stream().anyMatch(a::overlaps));
      if (overlaps) {
        outcomes.put(region, new RegionOutcome(region, Status.SKIPPED, done.rewrite(), "overlaps the rewrite of another region"));
        continue;
      }
      edits.addAll(done.edits());
      rewritten.add(region);
      outcomes.put(region, new RegionOutcome(region, Status.REWRITTEN, done.rewrite(), ""));
    }
    if (edits.isEmpty()) return null;
    if (weft.equals("Weft")) ImportPlacer.importEdit(cu, source).ifPresent(edits::add);
    String newText = Edit.apply(source.text(), edits);
    if (parse(newText).isEmpty()) {
      for (Region r : rewritten) {
        outcomes.put(r, new RegionOutcome(r, Status.FAILED, outcomes.get(r).rewrite(), "the rewritten file does not parse (transformer bug)"));
      }
      return null;
    }
    return new PendingFile(source, bom, newText, rewritten);
  }

  private Outcome dispatch(RegionSite site) {
    Region region = site.region();
    if (region.kind() == RegionKind.INDEPENDENT_CALLS) return new ForkIndependentCalls().rewrite(site);
    if (region.kind() == RegionKind.DIVIDE_AND_CONQUER) return new ForkDivideAndConquer().rewrite(site);
    if (!options.allowFpReassociation() && needsFp(region)) {
      return new Outcome.Skipped(
          "floating-point reduction: rewritten only with --allow-fp-reassoc (the parallel result is the same on every"
              + " run and thread count, but may differ in the last bits from the sequential order)", false);
    }
    Object range = LoopRange.of(site);
    if (range instanceof String reason) return new Outcome.Skipped(reason, false);
    LoopRange loop = (LoopRange) range;
    if (!(loop.loop().getParentNode().orElse(null) instanceof BlockStmt)) {
      return new Outcome.Skipped("the loop is not a statement of a block (labelled, or the body of an if without braces)", false);
    }
    LoopRewrite rewrite = choose(region, loop);
    if (rewrite == null) return new Outcome.Skipped("this combination of accumulators is not rewritten yet: " + shapes(region), false);
    String indent = site.indentOf(loop.loop());
    boolean versioned = !region.runtimeChecks().isEmpty();
    LoopRewrite.Emission e = rewrite.emit(site, loop, versioned ? indent + site.unit() : indent);
    if (e.skipReason() != null) return new Outcome.Skipped(e.skipReason(), false);
    String text = versioned ? VersionOnAliasCheck.wrap(site, loop, e.text(), indent) : e.text();
    String name = versioned ? rewrite.name() + " + " + VersionOnAliasCheck.class.getSimpleName() : rewrite.name();
    Edit edit = new Edit(site.source().begin(loop.loop()), site.source().end(loop.loop()), text);
    return new Outcome.Rewritten(ImmutableList.of(edit), name);
  }

  private static boolean needsFp(Region region) {
    if (region.needsFpReassociation()) return true;
    for (Accumulator a : region.accumulators()) {
      String t = a.type().replace("[]", "").trim();
      String op = a.operator().trim();
      boolean fp = t.equals("float") || t.equals("double") || t.equals("Float") || t.equals("Double");
      if (fp && !op.equals("min") && !op.equals("max") && !op.equals("Math.min") && !op.equals("Math.max")) return true;
    }
    return false;
  }

  private static LoopRewrite choose(Region region, LoopRange loop) {
    List<Accumulator> accs = region.accumulators();
    if (accs.isEmpty()) return loop.enhanced() ? new ParallelizeEnhancedLoop() : new ParallelizeCountedLoop();
    Set<Accumulator.Shape> shapes = new LinkedHashSet<>();
    accs.forEach(a -> shapes.add(a.shape()));
    if (shapes.stream().allMatch(s -> s == Accumulator.Shape.SCALAR || s == Accumulator.Shape.STRING_CONCAT)) {
      return new PrivatizeReduction();
    }
    if (accs.size() != 1) return null;
    return switch (accs.get(0).shape()) {
      case ARRAY -> new PrivatizeArrayReduction();
      case LIST_APPEND, BUILDER_APPEND -> new BufferOrderedAppend();
      case KEYED_MAP -> new MergeKeyedReduction();
      default -> null;
    };
  }

  private static String shapes(Region region) {
    return region.accumulators().stream().map(a -> a.variable() + " (" + a.shape() + ")").toList().toString();
  }

  private static String expected(Region r) {
    return switch (r.kind()) {
      case INDEPENDENT_CALLS -> "statement";
      case DIVIDE_AND_CONQUER -> "method";
      default -> "loop";
    };
  }

  /** The node a region names: the loop keyword, the first statement, or the method's name. */
  static Optional<Node> locate(CompilationUnit cu, Region region) {
    SourceLocation loc = region.location();
    List<Node> candidates = new ArrayList<>();
    if (LOOP_KINDS.contains(region.kind())) {
      cu.walk(Node.class, n -> {
        if ((n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt)
            && at(n, loc)) candidates.add(n);
      });
    } else if (region.kind() == RegionKind.DIVIDE_AND_CONQUER) {
      cu.walk(MethodDeclaration.class, m -> {
        if (at(m.getName(), loc)) candidates.add(m);
      });
    } else {
      cu.walk(Statement.class, s -> {
        if (at(s, loc) && s.getParentNode().filter(p -> p instanceof BlockStmt).isPresent()) candidates.add(s);
      });
    }
    if (candidates.isEmpty()) return Optional.empty();
    // Exact column first; with column 0 (unknown) or no exact match, the first on the line.
    return candidates.stream()
        .filter(n -> n.getBegin().get().column == loc.column())
        .findFirst()
        .or(() -> Optional.of(candidates.get(0)));
  }

  private static boolean at(Node n, SourceLocation loc) {
    return n.getBegin().isPresent() && n.getBegin().get().line == loc.line();
  }

  /**
   * True when the region is the rewrite's own output: inside a lambda passed to the runtime, in
   * the sequential branch of a versioned loop or of {@code if (Weft.wantsWork())}, or a
   * divide-and-conquer method that already asks {@code wantsWork()}.
   */
  static boolean alreadyRewritten(Node node, RegionKind kind) {
    if (inClone(node)) return true;
    if (kind == RegionKind.DIVIDE_AND_CONQUER) {
      return node.findAll(MethodCallExpr.class).stream().anyMatch(c -> isRuntimeCall(c) && c.getNameAsString().equals("wantsWork"));
    }
    if (node instanceof Statement s && s instanceof com.github.javaparser.ast.stmt.ExpressionStmt es
        && es.getExpression() instanceof MethodCallExpr c && isRuntimeCall(c)) return true;
    Node child = node;
    Optional<Node> p = node.getParentNode();
    while (p.isPresent()) {
      Node q = p.get();
      Node c0 = child;
      if (q instanceof LambdaExpr lambda && lambda.getParentNode().filter(
          a -> a instanceof MethodCallExpr c && isRuntimeCall(c)).isPresent()) return true;
      if (q instanceof IfStmt ifs && ifs.getElseStmt().filter(e -> e == c0).isPresent()
          && ifs.getThenStmt().findAll(MethodCallExpr.class).stream().anyMatch(Rewriter::isRuntimeCall)) return true;
      if (q instanceof ConditionalExpr ce && ce.getElseExpr() == child
          && ce.getCondition() instanceof MethodCallExpr c && isRuntimeCall(c)) return true;
      if (q instanceof BodyDeclaration<?>) break;
      child = q;
      p = q.getParentNode();
    }
    return false;
  }

  /** In (or the method of) a divide-and-conquer clone: a copy the rewrite made of a method as written. */
  private static boolean inClone(Node node) {
    Optional<MethodDeclaration> m = node instanceof MethodDeclaration d ? Optional.of(d) : node.findAncestor(MethodDeclaration.class);
    return m.flatMap(MethodDeclaration::getComment)
        .filter(c -> ForkDivideAndConquer.isCloneComment(c.getContent())).isPresent();
  }

  static boolean isRuntimeCall(MethodCallExpr c) {
    if (c.getScope().isEmpty()) return false;
    Expression s = c.getScope().get();
    return (s instanceof NameExpr n && n.getNameAsString().equals("Weft")) || s.toString().equals(ImportPlacer.RUNTIME_CLASS);
  }

  static Optional<CompilationUnit> parse(String text) {
    ParserConfiguration config = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21); // as the analyzer parses
    ParseResult<CompilationUnit> r = new JavaParser(config).parse(text);
    return r.isSuccessful() ? r.getResult() : Optional.empty();
  }

  /** The file's indentation step: how far the first type's first member is indented past the type. */
  private static String indentUnit(CompilationUnit cu, SourceFile source) {
    for (TypeDeclaration<?> t : cu.getTypes()) {
      for (BodyDeclaration<?> m : t.getMembers()) {
        String outer = source.indentAt(source.begin(t));
        String inner = source.indentAt(source.begin(m));
        if (inner.startsWith(outer) && inner.length() > outer.length()) return inner.substring(outer.length());
      }
    }
    return "    ";
  }

  // ---- compile check ------------------------------------------------------------------------

  private void compileCheck(Path root, Map<String, PendingFile> pending, Map<Region, RegionOutcome> outcomes,
      List<PendingFile> rejected) throws IOException {
    CompileCheck check = new CompileCheck(sourceRoots(root), options.classpath());
    Map<String, String> originals = new LinkedHashMap<>();
    pending.forEach((path, p) -> originals.put(path, p.source.text()));
    Map<String, String> originalErrors = check.errors(originals);
    // Errors only in files being rewritten cost just those files; an error elsewhere (a file the
    // rewrite does not touch) leaves nothing verifiable. Judged against the files as they were.
    // (Errors in both kinds of file: the others still leave nothing verifiable; the rewritten
    // check would meet them again and blame the rewrite.)
    Set<String> offered = Set.copyOf(pending.keySet());
    Optional<Map.Entry<String, String>> elsewhere =
        originalErrors.entrySet().stream().filter(e -> !offered.contains(e.getKey())).findFirst();
    for (String path : List.copyOf(pending.keySet())) {
      String error = originalErrors.get(path);
      if (error == null && elsewhere.isPresent()) error = "another file does not compile: " + elsewhere.get();
      if (error != null) drop(pending, path, outcomes, Status.SKIPPED,
          "cannot verify the rewrite: the original does not compile here (" + error + "); pass the project's classpath");
    }
    // Compile the rewritten files together; drop those with errors until the rest compiles.
    while (!pending.isEmpty()) {
      Map<String, String> rewritten = new LinkedHashMap<>();
      pending.forEach((path, p) -> rewritten.put(path, p.newText));
      Map<String, String> errors = check.errors(rewritten);
      if (errors.isEmpty()) return;
      boolean dropped = false;
      for (Map.Entry<String, String> e : errors.entrySet()) {
        if (pending.containsKey(e.getKey())) {
          rejected.add(pending.get(e.getKey()));
          drop(pending, e.getKey(), outcomes, Status.FAILED, "the rewrite does not compile (transformer bug): " + e.getValue());
          dropped = true;
        }
      }
      if (!dropped) {
        for (String path : List.copyOf(pending.keySet())) {
          rejected.add(pending.get(path));
          drop(pending, path, outcomes, Status.FAILED, "the rewrite breaks another file: " + errors.entrySet().iterator().next());
        }
      }
    }
  }

  private static void drop(Map<String, PendingFile> pending, String path, Map<Region, RegionOutcome> outcomes, Status status, String why) {
    PendingFile p = pending.remove(path);
    for (Region r : p.regions) outcomes.put(r, new RegionOutcome(r, status, outcomes.get(r).rewrite(), why));
  }

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  /** Every directory that is the root of a package tree holding a .java file under {@code root}. */
  static List<Path> sourceRoots(Path root) throws IOException {
    Set<Path> roots = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList()) {
        if (root.relativize(f).toString().contains("target" + java.io.File.separator)) continue;
        String text;
        try {
          text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
          continue;
        }
        Matcher m = PACKAGE.matcher(text);
        Path dir = f.getParent();
        if (m.find()) {
          String[] parts = m.group(1).split("\\.");
          for (int i = parts.length - 1; i >= 0 && dir != null; i--) {
            dir = dir.getFileName() != null && dir.getFileName().toString().equals(parts[i]) ? dir.getParent() : null;
          }
        }
        if (dir != null) roots.add(dir);
      }
    }
    return List.copyOf(roots);
  }
}
