package dev.weft.analyzer.effects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the functional interfaces that a class file's lambdas and method references implement.
 * A call through such an interface may run code RTA over project classes cannot see (the lambda's
 * class is spun at run time), so it is answered UNKNOWN. Reads the class file with ASM (already on
 * the classpath through SootUp's bytecode frontend): parsing every body with SootUp for this alone
 * took 12 s on commons-math, ASM takes a few hundred milliseconds.
 */
final class LambdaScanner {

  private LambdaScanner() {}

  /** Adds the binary names of the interfaces {@code classFile}'s lambdas implement to {@code out}. */
  static void scan(Path classFile, Set<String> out) throws IOException {
    byte[] bytes = Files.readAllBytes(classFile);
    if (!contains(bytes, "LambdaMetafactory")) {
      return;
    }
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitInvokeDynamicInsn(String indyName, String indyDesc, Handle bootstrap, Object... args) {
            if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
              out.add(Type.getReturnType(indyDesc).getClassName());
            }
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
