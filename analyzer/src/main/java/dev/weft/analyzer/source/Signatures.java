package dev.weft.analyzer.source;

import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedTypeParameterDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.google.common.collect.ImmutableList;
import dev.weft.analyzer.effects.MethodRef;

/**
 * Turns JavaParser's resolved declarations into bytecode-style {@link MethodRef}s: generics erased
 * to their first bound, nested classes joined with {@code $}, arrays as {@code int[]}, varargs as
 * arrays, constructors named {@code <init>} returning {@code void}.
 */
public final class Signatures {

  private Signatures() {}

  public static MethodRef of(ResolvedMethodLikeDeclaration method) {
    String owner = binaryName(method.declaringType());
    ImmutableList.Builder<String> params = ImmutableList.builder();
    for (int i = 0; i < method.getNumberOfParams(); i++) {
      ResolvedType t = method.getParam(i).getType();
      String erased = erase(t);
      // Reflection-backed declarations already give the array type for varargs; source ones may not.
      if (method.getParam(i).isVariadic() && !t.isArray()) erased = erased + "[]";
      params.add(erased);
    }
    if (method instanceof ResolvedConstructorDeclaration) {
      return new MethodRef(owner, "<init>", params.build(), "void");
    }
    com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration m =
        (com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration) method;
    return new MethodRef(owner, m.getName(), params.build(), erase(m.getReturnType()));
  }

  /** {@code java.util.Map$Entry} for {@code java.util.Map.Entry}. */
  public static String binaryName(ResolvedReferenceTypeDeclaration type) {
    String pkg = type.getPackageName();
    String cls = type.getClassName().replace('.', '$');
    return pkg == null || pkg.isEmpty() ? cls : pkg + "." + cls;
  }

  public static String erase(ResolvedType t) {
    if (t.isVoid()) return "void";
    if (t.isPrimitive()) return t.asPrimitive().describe();
    if (t.isArray()) return erase(t.asArrayType().getComponentType()) + "[]";
    if (t.isReferenceType()) {
      return t.asReferenceType().getTypeDeclaration().map(Signatures::binaryName)
          .orElse(t.asReferenceType().getQualifiedName());
    }
    if (t.isTypeVariable()) return eraseTypeParameter(t.asTypeParameter());
    if (t.isWildcard()) {
      return t.asWildcard().isExtends() ? erase(t.asWildcard().getBoundedType()) : "java.lang.Object";
    }
    return "java.lang.Object";
  }

  private static String eraseTypeParameter(ResolvedTypeParameterDeclaration p) {
    for (ResolvedTypeParameterDeclaration.Bound b : p.getBounds()) {
      if (b.isExtends()) return erase(b.getType());
    }
    return "java.lang.Object";
  }
}
