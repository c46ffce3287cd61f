package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region that runs inside a class's static initializer must not hand work to other threads: its
 * tasks call methods of the class (their lambdas are methods of it), a thread calling into a class
 * whose initializer another thread runs waits for it to return (JLS 12.4.2), and the initializer
 * waits for the tasks. Found in Apache Commons Lang's {@code EntityArrays}, whose static tables are
 * built by a loop Weft rewrites: its test suite hung under {@code -Dweft.stress=true}. The probe
 * ({@link ClassInitProbe}) runs in a fresh JVM under stress, which splits and forks at every
 * opportunity, with four workers; before the fix it never finished.
 */
class ClassInitTest {

  @Test
  void regionsInAStaticInitializerRunOnTheInitializingThread(@TempDir Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ChildJvm.command(ClassInitProbe.class, "-Dweft.stress=true", "-Dweft.parallelism=4"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .start();
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) p.destroyForcibly().waitFor();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    assertTrue(finished, "the probe finished within 60 s (a deadlock in class initialization otherwise): " + out);
    assertEquals(0, p.exitValue(), out);
    long sum = 0;
    for (int i = 0; i < 200_000; i++) sum += (long) (i % 1000) * (i % 1000);
    assertEquals(List.of(Long.toString(sum), "17711", Integer.toString(999 * 999)), out.lines().toList());
  }
}
