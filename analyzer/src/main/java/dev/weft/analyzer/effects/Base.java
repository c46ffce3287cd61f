package dev.weft.analyzer.effects;

/**
 * Whose heap a method's field or array access touches, relative to the method: its receiver, its
 * k-th parameter (0-based, not counting the receiver), an object it allocated itself, or something
 * it reached otherwise (a field's value, a static, a call's result).
 */
public record Base(Kind kind, int parameter) {

  public enum Kind { THIS, PARAMETER, FRESH, UNKNOWN }

  public static final Base THIS = new Base(Kind.THIS, -1);
  public static final Base FRESH = new Base(Kind.FRESH, -1);
  public static final Base UNKNOWN = new Base(Kind.UNKNOWN, -1);

  public static Base parameter(int k) {
    return new Base(Kind.PARAMETER, k);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case THIS -> "this";
      case PARAMETER -> "parameter " + parameter;
      case FRESH -> "fresh object";
      case UNKNOWN -> "unknown object";
    };
  }
}
