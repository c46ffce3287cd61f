package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;

/**
 * A method as bytecode names it: declaring class as a binary name ({@code java.util.Map$Entry}),
 * parameter and return types erased (generics to their first bound, arrays as {@code int[]}).
 * Built from JavaParser's resolved declarations; {@link #sootSignature()} is the form SootUp
 * prints and parses.
 */
public record MethodRef(
    String declaringClass, String name, ImmutableList<String> parameterTypes, String returnType) {

  /** {@code <java.lang.Math: double sqrt(double)>} */
  public String sootSignature() {
    return "<" + declaringClass + ": " + returnType + " " + name + "(" + String.join(",", parameterTypes) + ")>";
  }

  /** {@code sqrt(double)}: what overriding methods share. */
  public String subSignature() {
    return name + "(" + String.join(",", parameterTypes) + ")";
  }

  /** {@code Math.sqrt(double)}: for people. */
  public String display() {
    String simple = declaringClass.substring(declaringClass.lastIndexOf('.') + 1).replace('$', '.');
    return simple + "." + subSignature();
  }

  @Override
  public String toString() {
    return sootSignature();
  }
}
