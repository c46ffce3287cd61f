package dev.weft.analyzer.effects;

import java.util.List;
import sootup.core.signatures.MethodSubSignature;
import sootup.core.types.ArrayType;
import sootup.core.types.PrimitiveType;
import sootup.core.types.Type;

/** Turns a rule of the JDK model into the summary of the method it matched. */
final class ModelEffects {

  private ModelEffects() {}

  static MethodEffects of(JdkModel.Rule rule, String owner, MethodSubSignature sub, String display) {
    MethodEffects.Builder b = new MethodEffects.Builder();
    boolean returnsSet = false;
    boolean writes = false;
    boolean writesParameter = false;
    boolean noEscape = rule.effects().contains("noescape");
    String where = " (" + rule.where() + ")";
    for (String effect : rule.effects()) {
      String[] kv = effect.split(":", 2);
      String what = kv.length > 1 ? kv[1] : "";
      switch (kv[0]) {
        case "pure" -> { }
        case "reads" -> {
          if (what.equals("static")) {
            b.read(Access.staticField(owner, "*"));
          } else {
            Access a = access(what, owner, sub, rule);
            if (a != null) {
              b.read(a);
            }
          }
        }
        case "writes" -> {
          Access a = access(what, owner, sub, rule);
          if (a != null) {
            b.write(a, List.of(display, "writes " + BytecodeEffects.describe(a) + where));
            writes = true;
            if (a.base().kind() == Base.Kind.PARAMETER) {
              writesParameter = true;
              if (!noEscape) {
                b.tainted.add(a.base().parameter()); // Arrays.fill(Object[], v) puts v there
              }
            }
          }
        }
        case "returns" -> {
          returnsSet = true;
          b.returns.add(switch (what) {
            case "this" -> Val.THIS;
            case "fresh" -> Val.FRESH;
            case "element" -> new Val(Base.Kind.THIS, -1, "*");
            case "unknown" -> Val.UNKNOWN;
            default -> Val.parameter(parameter(what, rule));
          });
        }
        case "io" -> b.flag(EffectFlag.IO, List.of(display, "performs I/O" + where));
        case "sync" -> b.flag(EffectFlag.SYNCHRONIZATION, List.of(display, "synchronises" + where));
        case "native" -> b.flag(EffectFlag.NATIVE, List.of(display, "native code" + where));
        case "reflection" -> b.flag(EffectFlag.REFLECTION, List.of(display, "uses reflection" + where));
        case "throws" -> b.flag(EffectFlag.THROWS, List.of(display, "throws" + where));
        case "unknown" -> b.flag(EffectFlag.UNKNOWN, List.of(display, "effects not modelled" + where));
        case "noescape" -> { } // read above
        default -> throw new IllegalArgumentException(rule.where() + ": unknown effect " + effect);
      }
    }
    if (!returnsSet) {
      b.returns.add(Val.UNKNOWN);
    }
    // A rule that writes may keep its reference arguments (ArrayList.add stores its element).
    // Not the receiver: writing its own state does not publish it.
    // ArrayList.add(e) keeps e in the list: a rule writing only its receiver stores its arguments
    // there; one writing an argument may store the others anywhere.
    if (writes && !noEscape) {
      for (int k = 0; k < sub.getParameterTypes().size(); k++) {
        if (sub.getParameterTypes().get(k) instanceof PrimitiveType) {
          continue;
        }
        (writesParameter ? b.escapes : b.stored).add(k);
      }
    }
    // A fresh result built from what the rule reads (Arrays.copyOf, toArray) holds its elements.
    if (b.returns.contains(Val.FRESH)) {
      for (Access a : b.reads) {
        b.held.add(a.base().kind() == Base.Kind.THIS ? -1 : a.base().parameter());
      }
    }
    b.escapesAll = b.flags.contains(EffectFlag.UNKNOWN);
    if (b.escapesAll) {
      b.tainted.add(MethodEffects.ALL);
    }
    return b.build("model");
  }

  /** The accessed memory, or null when the matched overload has no such parameter. */
  private static Access access(String what, String owner, MethodSubSignature sub, JdkModel.Rule rule) {
    if (what.equals("this")) {
      return Access.field(Base.THIS, owner, "*");
    }
    int k = parameter(what, rule);
    if (k >= sub.getParameterTypes().size()) {
      return null; // a rule covering overloads of different arity (ArrayList() and ArrayList(Collection))
    }
    Type t = sub.getParameterTypes().get(k);
    if (t instanceof ArrayType at) {
      return Access.arrayElement(Base.parameter(k), at.getElementType().toString());
    }
    return Access.field(Base.parameter(k), t.toString(), "*");
  }

  private static int parameter(String what, JdkModel.Rule rule) {
    if (!what.startsWith("param")) {
      throw new IllegalArgumentException(rule.where() + ": expected this or paramN, got " + what);
    }
    return Integer.parseInt(what.substring("param".length()));
  }
}
