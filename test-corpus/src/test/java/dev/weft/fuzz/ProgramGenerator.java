package dev.weft.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of valid, terminating, deterministic Java 17 programs biased toward the loops
 * Weft parallelises (Csmith/YARPGen style: the program is correct by construction, the oracle is a
 * differential run).
 *
 * <p>Every program is one class {@code Fuzz} in the default package. {@code main} allocates arrays
 * of {@code int}, {@code long} and {@code double} whose length is only known at run time (so the
 * analyzer cannot reject them as too little work), fills them, calls generated kernels (sometimes
 * with the same array for two parameters, so that parameters alias), and ends by printing a
 * checksum of every array and static. Doubles are printed through {@code Double.doubleToLongBits},
 * so output comparison is exact.
 *
 * <p>Kernels: element-wise maps with affine subscripts (offsets 0–7, strides 1–3, some reading the
 * array they write at another offset: a loop-carried dependence), scalar reductions of every
 * operator the contract lists, histograms, list and builder appends, keyed map merges, nests up to
 * depth 3, enhanced {@code for}, helper calls (pure, writing a parameter array, writing a static,
 * printing), early exits, division that may throw, and divide and conquer. Subscripts stay in
 * bounds by construction: every loop over an array of length {@code len} runs {@code i < (len - 8) / 3}.
 *
 * <p>Limits: no generics beyond {@code List<Integer>} and maps of {@code Integer} to {@code Long},
 * no objects other than collections and builders, no threads.
 */
public final class ProgramGenerator {

  private static final String[] TYPES = {"int", "long", "double"};

  private final SplittableRandom rnd;
  private final StringBuilder helpers = new StringBuilder();
  private final StringBuilder kernels = new StringBuilder();
  private int kernelCount;
  private final List<String> helperPure = new ArrayList<>();
  private boolean hasWriteParamHelper;
  private boolean hasStaticHelper;
  private boolean hasPrintHelper;
  private final List<String> pending = new ArrayList<>();

  private ProgramGenerator(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** The program for {@code seed}: the same text on every call. */
  public static String generate(long seed) {
    return new ProgramGenerator(seed).program();
  }

  // ---- the program --------------------------------------------------------------------------

  private String program() {
    int n = 5000 + rnd.nextInt(15000);
    int ints = 2 + rnd.nextInt(2);
    int longs = 1 + rnd.nextInt(2);
    int doubles = 1 + rnd.nextInt(2);
    helperPure.add("mix");
    helpers.append("  static int mix(int x, int y) {\n    return x * 0x9E3779B1 + (y ^ (y >>> 7));\n  }\n\n");
    if (rnd.nextBoolean()) {
      helperPure.add("poly");
      helpers.append("  static int poly(int x, int y) {\n    int r = 0;\n    for (int k = 0; k < 3; k++) {\n"
          + "      r = r * 31 + x - k * y;\n    }\n    return r;\n  }\n\n");
    }
    StringBuilder main = new StringBuilder();
    main.append("  public static void main(String[] args) {\n");
    main.append("    int n = ").append(n).append(" + args.length;\n");
    List<String> vars = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (int k = 0; k < ints; k++) declare(main, vars, types, "int", "ia" + k);
    for (int k = 0; k < longs; k++) declare(main, vars, types, "long", "la" + k);
    for (int k = 0; k < doubles; k++) declare(main, vars, types, "double", "da" + k);

    int calls = 4 + rnd.nextInt(6);
    for (int c = 0; c < calls; c++) {
      kernelCall(main, vars, types);
    }
    flush(main);
    for (int k = 0; k < vars.size(); k++) {
      main.append("    System.out.println(\"").append(vars.get(k)).append("=\" + Long.toHexString(check(")
          .append(vars.get(k)).append(")));\n");
    }
    main.append("    System.out.println(\"g=\" + g0 + \",\" + g1);\n");
    main.append("  }\n");

    StringBuilder out = new StringBuilder();
    out.append("import java.util.ArrayList;\nimport java.util.HashMap;\nimport java.util.LinkedHashMap;\n"
        + "import java.util.List;\nimport java.util.Map;\nimport java.util.TreeMap;\n\n");
    out.append("public class Fuzz {\n\n");
    out.append("  static int g0;\n  static long g1;\n\n");
    out.append(main).append('\n');
    out.append(helpers);
    out.append(kernels);
    out.append(checksums());
    out.append("}\n");
    return out.toString();
  }

  private void declare(StringBuilder main, List<String> vars, List<String> types, String type, String name) {
    vars.add(name);
    types.add(type);
    main.append("    ").append(type).append("[] ").append(name).append(" = new ").append(type).append("[n];\n");
    // the fill loop is itself a DOALL candidate
    String c = Integer.toString(1 + rnd.nextInt(1_000_000));
    String v = switch (type) {
      case "int" -> "(i * " + c + ") ^ (i >>> 3)";
      case "long" -> "(long) i * " + c + "L - (i >> 1)";
      default -> "i * 0.5 + " + c + " / 7.0";
    };
    main.append("    for (int i = 0; i < n; i++) {\n      ").append(name).append("[i] = ").append(v).append(";\n    }\n");
  }

  private static String checksums() {
    return "  static long check(int[] a) {\n    long h = 17;\n    for (int i = 0; i < a.length; i++) {\n"
        + "      h = h * 31 + a[i];\n    }\n    return h;\n  }\n\n"
        + "  static long check(long[] a) {\n    long h = 17;\n    for (int i = 0; i < a.length; i++) {\n"
        + "      h = h * 31 + a[i];\n    }\n    return h;\n  }\n\n"
        + "  static long check(double[] a) {\n    long h = 17;\n    for (int i = 0; i < a.length; i++) {\n"
        + "      h = h * 31 + Double.doubleToLongBits(a[i]);\n    }\n    return h;\n  }\n";
  }

  // ---- kernels ------------------------------------------------------------------------------

  /** One parameter of a kernel: its name and element type. */
  private record Param(String name, String type) {}

  /** Generates a kernel and the statement in main that calls it. */
  private void kernelCall(StringBuilder main, List<String> vars, List<String> types) {
    String name = "k" + kernelCount++;
    int arity = 1 + rnd.nextInt(3);
    List<Param> params = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (int p = 0; p < arity; p++) {
      int pick = rnd.nextInt(vars.size());
      // aliasing: pass an array already passed, so two parameters are the same array
      if (p > 0 && rnd.nextInt(4) == 0) {
        int prev = rnd.nextInt(p);
        pick = vars.indexOf(args.get(prev));
      }
      params.add(new Param("p" + p, types.get(pick)));
      args.add(vars.get(pick));
    }
    StringBuilder body = new StringBuilder();
    String ret = kernelBody(body, params);
    StringBuilder sig = new StringBuilder("  static ").append(ret).append(' ').append(name).append('(');
    for (int p = 0; p < params.size(); p++) {
      if (p > 0) sig.append(", ");
      sig.append(params.get(p).type).append("[] ").append(params.get(p).name);
    }
    sig.append(") {\n");
    kernels.append(sig).append(body).append("  }\n\n");
    String call = name + "(" + String.join(", ", args) + ")";
    boolean mayThrow = body.indexOf("/* may throw */") >= 0;
    if (ret.equals("void")) {
      if (mayThrow) {
        flush(main);
        main.append("    try {\n      ").append(call).append(";\n    } catch (ArithmeticException e) {\n"
            + "      System.out.println(\"").append(name).append(" threw \" + e.getMessage());\n    }\n");
      } else {
        main.append("    ").append(call).append(";\n");
      }
    } else if (mayThrow) {
      flush(main);
      main.append("    try {\n      System.out.println(\"").append(name).append("=\" + ").append(call)
          .append(");\n    } catch (ArithmeticException e) {\n      System.out.println(\"").append(name)
          .append(" threw \" + e.getMessage());\n    }\n");
    } else {
      // results are printed later, sometimes after the next call: consecutive calls are candidates
      // for independent calls
      main.append("    ").append(ret).append(" r").append(name).append(" = ").append(call).append(";\n");
      pending.add("    System.out.println(\"" + name + "=\" + r" + name + ");\n");
    }
    if (rnd.nextBoolean()) flush(main);
  }

  private void flush(StringBuilder main) {
    pending.forEach(main::append);
    pending.clear();
  }

  /** Appends the body; returns the kernel's return type. */
  private String kernelBody(StringBuilder b, List<Param> ps) {
    b.append("    int m = (").append(ps.get(0).name).append(".length - 8) / 3;\n");
    int kind = rnd.nextInt(13);
    switch (kind) {
      case 0, 1, 2 -> map(b, ps);
      case 3, 4 -> { return reduce(b, ps); }
      case 5 -> { return histogram(b, ps); }
      case 6 -> { return append(b, ps); }
      case 7 -> { return keyed(b, ps); }
      case 8 -> nest(b, ps);
      case 9 -> { return enhanced(b, ps); }
      case 10 -> callsInLoop(b, ps);
      case 11 -> { return earlyExit(b, ps); }
      default -> { return divideAndConquer(b, ps); }
    }
    return "void";
  }

  /** {@code dst[c*i+o] = E}: independent when dst is not read at another offset and not aliased. */
  private void map(StringBuilder b, List<Param> ps) {
    Param dst = ps.get(rnd.nextInt(ps.size()));
    String header = header("i");
    b.append("    ").append(header).append(" {\n");
    if (rnd.nextInt(3) == 0) {
      b.append("      ").append("int t = ").append(expr("int", ps, "i", 2)).append(";\n");
      b.append("      ").append(dst.name).append('[').append(subscript("i")).append("] = ")
          .append(convert("t", "int", dst.type)).append(";\n");
    } else if (rnd.nextInt(3) == 0) {
      b.append("      if (").append(expr("int", ps, "i", 1)).append(" > 0) {\n        ").append(dst.name).append('[')
          .append(subscript("i")).append("] = ").append(expr(dst.type, ps, "i", 2)).append(";\n      }\n");
    } else {
      b.append("      ").append(dst.name).append('[').append(subscript("i")).append("] ")
          .append(rnd.nextInt(4) == 0 && !dst.type.equals("double") ? "+= " : "= ")
          .append(expr(dst.type, ps, "i", 3)).append(";\n");
    }
    b.append("    }\n");
  }

  /** Scalar reductions: + * & | ^ min max, the if-form, boolean && ||, counting, String concat. */
  private String reduce(StringBuilder b, List<Param> ps) {
    int accs = 1 + rnd.nextInt(3);
    List<String> ret = new ArrayList<>();
    StringBuilder loop = new StringBuilder();
    boolean mayThrow = false;
    for (int k = 0; k < accs; k++) {
      String s = "s" + k;
      String type = rnd.nextInt(4) == 0 ? "int" : "long";
      int op = rnd.nextInt(14);
      String e = expr(type, ps, "i", 2);
      if (op == 13 && !mayThrow && rnd.nextBoolean()) {
        // division by a value that may be zero: the sequential program throws at the first zero
        mayThrow = true;
        e = "(" + e + ") / (" + read("int", ps, "i") + " & 3) /* may throw */";
        op = 0;
      }
      switch (op) {
        case 0, 1 -> { decl(b, type, s, "0"); loop.append("      ").append(s).append(" += ").append(e).append(";\n"); }
        case 2 -> { decl(b, type, s, "1"); loop.append("      ").append(s).append(" *= (").append(e).append(") | 1;\n"); }
        case 3 -> { decl(b, type, s, "-1"); loop.append("      ").append(s).append(" &= ").append(e).append(";\n"); }
        case 4 -> { decl(b, type, s, "0"); loop.append("      ").append(s).append(" |= ").append(e).append(";\n"); }
        case 5 -> { decl(b, type, s, "0"); loop.append("      ").append(s).append(" = ").append(s).append(" ^ ").append(e).append(";\n"); }
        case 6 -> { decl(b, type, s, max(type)); loop.append("      ").append(s).append(" = Math.min(").append(s).append(", ").append(e).append(");\n"); }
        case 7 -> { decl(b, type, s, min(type)); loop.append("      ").append(s).append(" = Math.max(").append(e).append(", ").append(s).append(");\n"); }
        case 8 -> {
          decl(b, type, s, min(type));
          loop.append("      if (").append(e).append(" > ").append(s).append(") {\n        ").append(s).append(" = ").append(e).append(";\n      }\n");
        }
        case 9 -> {
          b.append("    boolean ").append(s).append(" = ").append(rnd.nextBoolean()).append(";\n");
          String op2 = rnd.nextBoolean() ? "&&" : "||";
          loop.append("      ").append(s).append(" = ").append(s).append(' ').append(op2).append(' ').append(e).append(" > 0;\n");
          ret.add("(" + s + " ? 1 : 0)");
          continue;
        }
        case 10 -> {
          decl(b, "int", s, "0");
          loop.append("      if (").append(e).append(" % 3 == 0) {\n        ").append(s).append("++;\n      }\n");
        }
        case 11 -> {
          b.append("    String ").append(s).append(" = \"\";\n");
          loop.append("      if ((").append(e).append(" & 63) == 0) {\n        ").append(s).append(" += i + \",\";\n      }\n");
          ret.add(s + ".hashCode()");
          continue;
        }
        default -> {
          // double: Math.max is accepted without opt-in, a sum is not
          b.append("    double ").append(s).append(" = 0.0;\n");
          String de = expr("double", ps, "i", 2);
          if (rnd.nextBoolean()) loop.append("      ").append(s).append(" = Math.max(").append(s).append(", ").append(de).append(");\n");
          else loop.append("      ").append(s).append(" += ").append(de).append(";\n");
          ret.add("Double.doubleToLongBits(" + s + ")");
          continue;
        }
      }
      ret.add(s);
    }
    b.append("    ").append(header("i")).append(" {\n").append(loop).append("    }\n");
    b.append("    return ").append(String.join(" * 31 + ", ret.stream().map(r -> "(long) " + r).toList())).append(";\n");
    return "long";
  }

  /** {@code h[key] += e} on a local histogram, or on a parameter array. */
  private String histogram(StringBuilder b, List<Param> ps) {
    Param src = ps.get(rnd.nextInt(ps.size()));
    String key = "(int) ((" + read(src.type.equals("double") ? "int" : src.type, ps, "i") + ") & 0x7fffffff)";
    Param intParam = ps.stream().filter(p -> p.type.equals("int")).findFirst().orElse(null);
    boolean onParam = intParam != null && rnd.nextBoolean();
    String h = onParam ? intParam.name : "h";
    if (!onParam) b.append("    int[] h = new int[").append(1 + rnd.nextInt(64)).append("];\n");
    b.append("    ").append(header("i")).append(" {\n");
    if (rnd.nextBoolean()) b.append("      ").append(h).append('[').append(key).append(" % ").append(h).append(".length]++;\n");
    else b.append("      ").append(h).append('[').append(key).append(" % ").append(h).append(".length] += ")
        .append(expr("int", ps, "i", 1)).append(";\n");
    b.append("    }\n");
    b.append("    long r = 0;\n    for (int v : ").append(h).append(") {\n      r = r * 31 + v;\n    }\n    return r;\n");
    return "long";
  }

  /** Ordered appends to a list or a builder, sometimes conditional. */
  private String append(StringBuilder b, List<Param> ps) {
    boolean list = rnd.nextBoolean();
    String cond = rnd.nextBoolean() ? null : "(" + expr("int", ps, "i", 1) + " & 7) == 0";
    if (list) b.append("    List<Integer> out = new ArrayList<>();\n");
    else b.append("    StringBuilder out = new StringBuilder();\n");
    b.append("    ").append(header("i")).append(" {\n");
    String stmt = list ? "out.add(" + expr("int", ps, "i", 2) + ");" : "out.append(" + expr(pick(TYPES), ps, "i", 1) + ");";
    if (cond != null) b.append("      if (").append(cond).append(") {\n        ").append(stmt).append("\n      }\n");
    else b.append("      ").append(stmt).append('\n');
    b.append("    }\n");
    b.append(list ? "    return out.size() * 31L + out.hashCode();\n" : "    return out.length() * 31L + out.toString().hashCode();\n");
    return "long";
  }

  /** {@code map.merge(k, v, f)} or {@code put(k, getOrDefault(k, 0) + v)} on a local map. */
  private String keyed(StringBuilder b, List<Param> ps) {
    String map = pick(new String[] {"HashMap", "LinkedHashMap", "TreeMap"});
    // declared as the interface or as the class: the contract names the classes
    // now and then access-ordered (every access moves the key to the end: must be rejected)
    String args = map.equals("LinkedHashMap") && rnd.nextInt(6) == 0 ? "16, 0.75f, true" : "";
    b.append("    ").append(rnd.nextBoolean() ? "Map" : map).append("<Integer, Long> mp = new ").append(map).append("<>(").append(args).append(");\n");
    b.append("    ").append(header("i")).append(" {\n");
    // key counts that straddle HashMap's resize thresholds (12, 24, 48, 96)
    String k = "(" + expr("int", ps, "i", 1) + ") % " + (2 + rnd.nextInt(rnd.nextBoolean() ? 40 : 120));
    String v = expr("long", ps, "i", 1);
    // sometimes conditional, now and then rare: a piece's final chunk may then make no call, and the
    // runtime re-runs the piece's earlier iterations to find its last one
    String cond = switch (rnd.nextInt(4)) {
      case 0 -> "(" + expr("int", ps, "i", 1) + " & 7) == 0";
      case 1 -> "i % " + (50 + rnd.nextInt(400)) + " == " + rnd.nextInt(50);
      default -> null;
    };
    String pad = "      ";
    if (cond != null) {
      b.append("      if (").append(cond).append(") {\n");
      pad = "        ";
    }
    switch (rnd.nextInt(3)) {
      case 0 -> b.append(pad).append("mp.merge(").append(k).append(", ").append(v).append(", Long::sum);\n");
      case 1 -> b.append(pad).append("mp.merge(").append(k).append(", ").append(v).append(", Math::max);\n");
      default -> b.append(pad).append("int key = ").append(k).append(";\n").append(pad).append("mp.put(key, mp.getOrDefault(key, 0L) + ").append(v).append(");\n");
    }
    if (cond != null) b.append("      }\n");
    b.append("    }\n    return mp.size() * 31L + mp.toString().hashCode();\n");
    return "long";
  }

  /** A nest over a flattened matrix, depth 2 or 3, with neighbour offsets (some carried). */
  private void nest(StringBuilder b, List<Param> ps) {
    Param dst = ps.get(rnd.nextInt(ps.size()));
    Param src = ps.get(rnd.nextInt(ps.size()));
    int w = 4 + rnd.nextInt(30);
    b.append("    int w = ").append(w).append(";\n    int rows = ").append(dst.name).append(".length / w;\n");
    b.append("    for (int i = 1; i < rows - 1; i++) {\n");
    boolean rowReduce = rnd.nextInt(3) == 0;
    if (rowReduce) {
      b.append("      long t = 0;\n      for (int j = 0; j < w; j++) {\n        t += ")
          .append(convert(src.name + "[i * w + j]", src.type, "long")).append(";\n      }\n");
      b.append("      ").append(dst.name).append("[i * w + ").append(rnd.nextInt(w)).append("] = ")
          .append(convert("t", "long", dst.type)).append(";\n    }\n");
      return;
    }
    b.append("      for (int j = 1; j < w - 1; j++) {\n");
    String rd = src.name + "[(i + " + (rnd.nextInt(3) - 1) + ") * w + j + " + (rnd.nextInt(3) - 1) + "]";
    String wr = dst.name + "[(i + " + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) - 1 : 0) + ") * w + j]";
    if (rnd.nextBoolean()) {
      b.append("        ").append(src.type.equals("double") ? "double" : "long").append(" t = 0;\n");
      b.append("        for (int k = 0; k < ").append(2 + rnd.nextInt(4)).append("; k++) {\n          t += ")
          .append(rd).append(" * (k + 1);\n        }\n");
      b.append("        ").append(wr).append(" = ").append(convert("t", src.type.equals("double") ? "double" : "long", dst.type)).append(";\n");
    } else {
      b.append("        ").append(wr).append(" = ").append(convert(rd + " * 3 + j", src.type, dst.type)).append(";\n");
    }
    b.append("      }\n    }\n");
  }

  /** Enhanced {@code for} over an array: a reduction, sometimes with a write through another array. */
  private String enhanced(StringBuilder b, List<Param> ps) {
    Param src = ps.get(rnd.nextInt(ps.size()));
    String vt = src.type;
    b.append("    long s = 0;\n    for (").append(vt).append(" v : ").append(src.name).append(") {\n");
    String v = convert("v", vt, "long");
    switch (rnd.nextInt(3)) {
      case 0 -> b.append("      s += ").append(v).append(" * ").append(rnd.nextInt(100_000)).append(";\n");
      case 1 -> b.append("      s = Math.max(s, ").append(v).append(" ^ 0x5bd1e995L);\n");
      default -> b.append("      s = s * 3 + ").append(v).append(";\n");
    }
    b.append("    }\n    return s;\n");
    return "long";
  }

  /** Calls to helpers that are pure, write a parameter array, write a static, or print. */
  private void callsInLoop(StringBuilder b, List<Param> ps) {
    Param dst = ps.get(rnd.nextInt(ps.size()));
    b.append("    ").append(header("i")).append(" {\n");
    switch (rnd.nextInt(4)) {
      case 0 -> b.append("      ").append(dst.name).append("[i] = ").append(convert(
          pick(helperPure.toArray(new String[0])) + "(" + expr("int", ps, "i", 1) + ", i)", "int", dst.type)).append(";\n");
      case 1 -> {
        if (!hasWriteParamHelper) {
          hasWriteParamHelper = true;
          helpers.append("  static void put(long[] d, int i, long v) {\n    d[i] = v;\n  }\n\n");
          helpers.append("  static void put(int[] d, int i, long v) {\n    d[i] = (int) v;\n  }\n\n");
          helpers.append("  static void put(double[] d, int i, long v) {\n    d[i] = v;\n  }\n\n");
        }
        b.append("      put(").append(dst.name).append(", ").append(subscript("i")).append(", ").append(expr("long", ps, "i", 2)).append(");\n");
      }
      case 2 -> {
        if (!hasStaticHelper) {
          hasStaticHelper = true;
          helpers.append("  static void bump(long v) {\n    g1 += v;\n  }\n\n");
        }
        b.append("      bump(").append(expr("long", ps, "i", 1)).append(");\n");
      }
      default -> {
        if (!hasPrintHelper) {
          hasPrintHelper = true;
          helpers.append("  static int show(int v) {\n    if ((v & 1023) == 7) {\n      System.out.println(\"v=\" + v);\n    }\n    return v;\n  }\n\n");
        }
        b.append("      ").append(dst.name).append("[i] = ").append(convert("show(" + expr("int", ps, "i", 1) + ")", "int", dst.type)).append(";\n");
      }
    }
    if (rnd.nextInt(3) == 0) b.append("      g0 += i;\n");
    b.append("    }\n");
  }

  /** A loop with break or return. */
  private String earlyExit(StringBuilder b, List<Param> ps) {
    Param dst = ps.get(rnd.nextInt(ps.size()));
    b.append("    ").append(header("i")).append(" {\n");
    b.append("      if ((").append(expr("int", ps, "i", 1)).append(" & 255) == 3) {\n");
    b.append(rnd.nextBoolean() ? "        return i;\n" : "        break;\n");
    b.append("      }\n      ").append(dst.name).append("[i] = ").append(expr(dst.type, ps, "i", 2)).append(";\n    }\n");
    b.append("    return -1;\n");
    return "int";
  }

  /** Recursion over halves: a sum, or an in-place update of disjoint (or overlapping) halves. */
  private String divideAndConquer(StringBuilder b, List<Param> ps) {
    Param a = ps.get(0);
    String name = "dc" + kernelCount;
    boolean writes = rnd.nextBoolean();
    boolean overlap = writes && rnd.nextInt(3) == 0;
    String leaf = writes
        ? "a[i] = " + convert("a[i] * 3 + " + (1 + rnd.nextInt(9)), a.type, a.type) + ";"
        : "s += " + convert("a[i]", a.type, "long") + " * (i + 1);";
    helpers.append("  static long ").append(name).append('(').append(a.type).append("[] a, int lo, int hi) {\n");
    boolean coarse = rnd.nextBoolean();
    overlap &= coarse; // lo..mid + 1 of a two-element range is the range itself
    if (coarse) {
      helpers.append("    if (hi - lo < ").append(16 + rnd.nextInt(200)).append(") {\n      long s = 0;\n")
          .append("      for (int i = lo; i < hi; i++) {\n        ").append(leaf).append("\n      }\n      return s;\n    }\n");
    } else {
      // Down to single elements, no loop: little work per call, so the rewrite's sequential branch
      // calls the method's clone (every other level asks for work).
      helpers.append("    if (hi - lo < 2) {\n      long s = 0;\n      if (lo < hi) {\n        int i = lo;\n        ")
          .append(leaf).append("\n      }\n      return s;\n    }\n");
    }
    helpers.append("    int mid = (lo + hi) >>> 1;\n");
    if (!overlap && rnd.nextBoolean()) {
      int form = rnd.nextInt(3);
      if (form == 2) {
        helpers.append("    return Math.").append(rnd.nextBoolean() ? "max" : "min").append('(').append(name)
            .append("(a, lo, mid), ").append(name).append("(a, mid, hi)) + lo;\n  }\n\n");
      } else {
        helpers.append("    return ").append(name).append("(a, lo, mid) ").append(form == 0 ? "+" : "^")
            .append(' ').append(name).append("(a, mid, hi);\n  }\n\n");
      }
    } else {
      helpers.append("    long l = ").append(name).append("(a, lo, mid").append(overlap ? " + 1" : "").append(");\n")
          .append("    long r = ").append(name).append("(a, mid, hi);\n")
          .append("    return l * 31 + r;\n  }\n\n");
    }
    b.append("    return ").append(name).append('(').append(a.name).append(", 0, ").append(a.name).append(".length);\n");
    return "long";
  }

  // ---- pieces -------------------------------------------------------------------------------

  /** A loop header over the safe range; mostly ascending unit step, sometimes stride 2 or descending. */
  private String header(String i) {
    int shape = rnd.nextInt(10);
    if (shape == 0) return "for (int " + i + " = m - 1; " + i + " >= 0; " + i + "--)";
    if (shape == 1) return "for (int " + i + " = 0; " + i + " < m; " + i + " += 2)";
    if (shape == 2) return "for (int " + i + " = 1; " + i + " <= m - 1; " + i + "++)";
    if (shape == 3) return "for (int " + i + " = 0; " + i + " < m; ++" + i + ")";
    return "for (int " + i + " = 0; " + i + " < m; " + i + "++)";
  }

  /** {@code c*i + o} with stride 1–3 and offset 0–7: in bounds for {@code i < (len - 8) / 3}. */
  private String subscript(String i) {
    int c = rnd.nextInt(6) < 4 ? 1 : 2 + rnd.nextInt(2);
    int o = rnd.nextInt(3) == 0 ? rnd.nextInt(8) : 0;
    String base = c == 1 ? i : c + " * " + i;
    return o == 0 ? base : base + " + " + o;
  }

  private String read(String type, List<Param> ps, String i) {
    Param p = ps.get(rnd.nextInt(ps.size()));
    return convert(p.name + "[" + subscript(i) + "]", p.type, type);
  }

  /** A side-effect-free expression of {@code type}; integer ones overflow freely. */
  private String expr(String type, List<Param> ps, String i, int depth) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      return switch (rnd.nextInt(4)) {
        case 0 -> type.equals("double") ? (rnd.nextInt(1000) + 0.25) + "" : type.equals("long") ? rnd.nextInt() + "L" : Integer.toString(rnd.nextInt(1 << 20));
        case 1 -> convert(i, "int", type);
        default -> read(type, ps, i);
      };
    }
    String l = expr(type, ps, i, depth - 1);
    String r = expr(type, ps, i, depth - 1);
    if (type.equals("double")) {
      return switch (rnd.nextInt(5)) {
        case 0 -> "(" + l + " + " + r + ")";
        case 1 -> "(" + l + " - " + r + ")";
        case 2 -> "(" + l + " * " + r + ")";
        case 3 -> "Math.max(" + l + ", " + r + ")";
        default -> "Math.sqrt(Math.abs(" + l + "))";
      };
    }
    return switch (rnd.nextInt(10)) {
      case 0 -> "(" + l + " + " + r + ")";
      case 1 -> "(" + l + " - " + r + ")";
      case 2 -> "(" + l + " * " + r + ")";
      case 3 -> "(" + l + " ^ " + r + ")";
      case 4 -> "(" + l + " & " + r + ")";
      case 5 -> "(" + l + " | " + r + ")";
      case 6 -> "(" + l + " >>> " + (1 + rnd.nextInt(30)) + ")";
      case 7 -> "(" + l + " * 0x7fffffff)";
      case 8 -> "(" + l + " < " + r + " ? " + l + " : " + r + ")";
      default -> type.equals("int") ? pick(helperPure.toArray(new String[0])) + "(" + l + ", " + r + ")" : "(" + l + " % 1000003)";
    };
  }

  private static String convert(String e, String from, String to) {
    if (from.equals(to)) return e;
    if (to.equals("double")) return "(double) (" + e + ")";
    if (to.equals("long") && from.equals("int")) return "(long) (" + e + ")";
    return "(" + to + ") (" + e + ")";
  }

  private static void decl(StringBuilder b, String type, String s, String init) {
    b.append("    ").append(type).append(' ').append(s).append(" = ").append(init).append(type.equals("long") && init.matches("-?\\d+") ? "L" : "").append(";\n");
  }

  private static String min(String type) {
    return type.equals("int") ? "Integer.MIN_VALUE" : "Long.MIN_VALUE";
  }

  private static String max(String type) {
    return type.equals("int") ? "Integer.MAX_VALUE" : "Long.MAX_VALUE";
  }

  private String pick(String[] xs) {
    return xs[rnd.nextInt(xs.length)];
  }
}
