package dev.weft.analyzer.effects;

/**
 * One kind of memory a method reads or writes.
 *
 * @param target static field, instance field, or array element
 * @param base whose object (for static fields: {@link Base#UNKNOWN}, unused)
 * @param owner the declaring class of the field, binary name; for array elements the element type
 * @param name the field name; {@code []} for array elements
 */
public record Access(Target target, Base base, String owner, String name) {

  public enum Target { STATIC_FIELD, INSTANCE_FIELD, ARRAY_ELEMENT }

  public static Access staticField(String owner, String name) {
    return new Access(Target.STATIC_FIELD, Base.UNKNOWN, owner, name);
  }

  public static Access field(Base base, String owner, String name) {
    return new Access(Target.INSTANCE_FIELD, base, owner, name);
  }

  public static Access arrayElement(Base base, String elementType) {
    return new Access(Target.ARRAY_ELEMENT, base, elementType, "[]");
  }

  @Override
  public String toString() {
    return switch (target) {
      case STATIC_FIELD -> "static " + owner.substring(owner.lastIndexOf('.') + 1) + "." + name;
      case INSTANCE_FIELD -> base + "." + name;
      case ARRAY_ELEMENT -> base + "[…]";
    };
  }
}
