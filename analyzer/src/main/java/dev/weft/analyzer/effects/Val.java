package dev.weft.analyzer.effects;

/**
 * An abstract object a local (or a method's return value) may point to: the receiver, a parameter,
 * an allocation site of the method, or unknown; {@code path} names the fields walked from it
 * ({@code "rnd"}, {@code "data[]"}), empty for the object itself.
 *
 * <p>Reaching an object through fields of {@code this} or a parameter keeps that base: its
 * state counts as the base's state (callers map it onto their argument). Reaching one through a
 * fresh object's fields does not: whatever the fresh object was given may be shared, so it is
 * {@link Base.Kind#UNKNOWN}.
 */
record Val(Base.Kind kind, int index, String path) {

  /** Paths longer than this many selectors are cut: they only serve the explanation. */
  private static final int MAX_PATH = 2;

  static final Val THIS = new Val(Base.Kind.THIS, -1, "");
  static final Val UNKNOWN = new Val(Base.Kind.UNKNOWN, -1, "");
  /** A fresh object in a summary's return value (the allocation site is the callee's business). */
  static final Val FRESH = new Val(Base.Kind.FRESH, -1, "");

  static Val parameter(int k) {
    return new Val(Base.Kind.PARAMETER, k, "");
  }

  static Val site(int id) {
    return new Val(Base.Kind.FRESH, id, "");
  }

  /** The object held in field/array {@code selector} of this one. */
  Val load(String selector) {
    return switch (kind) {
      case THIS, PARAMETER -> new Val(kind, index, extend(path, selector));
      case FRESH, UNKNOWN -> UNKNOWN;
    };
  }

  boolean direct() {
    return path.isEmpty();
  }

  Base base() {
    return switch (kind) {
      case THIS -> Base.THIS;
      case PARAMETER -> Base.parameter(index);
      case FRESH -> Base.FRESH;
      case UNKNOWN -> Base.UNKNOWN;
    };
  }

  static String extend(String path, String selector) {
    if (path.isEmpty()) {
      return selector;
    }
    return cap(selector.startsWith("[") ? path + selector : path + "." + selector);
  }

  /**
   * Cuts a path to {@link #MAX_PATH} selectors followed by {@code .…}, so that paths built in
   * loops ({@code x = x.next}) stay finite and the points-to fixed point terminates.
   */
  static String cap(String path) {
    int selectors = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        selectors++;
        if (selectors >= MAX_PATH) {
          return path.substring(0, i) + ".…";
        }
      }
      if (c == '[') {
        i++; // skip ']'
      }
    }
    return path;
  }
}
