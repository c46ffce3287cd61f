package dev.weft.analyzer.effects;

/**
 * How to read the {@link Access} values the SootUp oracle produces.
 *
 * <ul>
 *   <li>{@code name} is a path from the base: {@code "count"} is a field of the base itself,
 *       {@code "rnd.*"} any state of the object in its field {@code rnd}, {@code "data[]"} the
 *       elements of the array in its field {@code data}; paths longer than two selectors end in
 *       {@code .…}. Array elements of the base itself are named {@code "[]"}.
 *   <li>Name {@code "*"}: any field of that object (JDK model rules such as {@code
 *       ArrayList.add} write "this.*": the list's own encapsulated state).
 *   <li>Owner {@code "*"} with name {@code "*.*"} or {@code "*[]"}: summaries with more than 64
 *       reads or writes collapse deep accesses into this "anything reached from the base".
 *   <li>{@link Base#FRESH} never appears: writes to objects a call allocated and kept to itself
 *       (rows of {@code new double[n][m]}, copies, exceptions it throws) are invisible to its
 *       callers and are dropped; one it stored into its receiver's or a parameter's state is
 *       reported on that base ({@code this.context.msgPatterns}); one that escaped anywhere else
 *       (a static, an unknown object, a method that keeps it) becomes {@link Base#UNKNOWN}.
 * </ul>
 */
public final class Accesses {

  private Accesses() {}

  /**
   * Whether the access touches the base object itself rather than an object reached through its
   * fields. A region may treat a write to an object it allocated in the same iteration as private
   * only when the write is direct: the object's fields may hold shared objects.
   */
  public static boolean isDirect(Access a) {
    return switch (a.target()) {
      case STATIC_FIELD -> true;
      case ARRAY_ELEMENT -> a.name().equals("[]");
      case INSTANCE_FIELD -> !a.name().contains(".") && !a.name().contains("[");
    };
  }
}
