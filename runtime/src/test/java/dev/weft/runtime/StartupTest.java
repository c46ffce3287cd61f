package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a rewritten program pays before its first region runs. Linking a call site through
 * {@code java.lang.invoke} (a string concatenation, a lambda) costs a JVM that has not done so yet
 * about 10 ms on the 2-core VM, as much as the rest of the pool's start together: the worker names
 * were once built with {@code +}, and the pool took 16-18 ms to construct instead of 5-9. The probe
 * ({@link StartupProbe}) makes a program's first calls in a fresh JVM, and the class-load log must
 * show the runtime loaded and no class defined at run time after the probe started: no method-handle
 * form spun for a concatenation, no lambda proxy (the int-range reductions once adapted their chunk
 * with a lambda).
 */
class StartupTest {

  @Test
  void theFirstRegionsLinkNoCallSite() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ChildJvm.command(StartupProbe.class, "-Xlog:class+load=info:stdout",
            "-Dweft.warmupMs=0", "-Dweft.parallelism=2"))
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().collect(Collectors.toList());
    assertTrue(lines.contains("3") && lines.contains("332833500"), "the probe's results: " + out);
    assertTrue(lines.stream().anyMatch(l -> l.contains(" dev.weft.runtime.WeftPool ")), "the pool was loaded");
    // Classes the JVM defines at run time: method-handle forms it spins, lambda proxies it makes.
    List<String> linked = lines.stream()
        .dropWhile(l -> !l.contains(" dev.weft.runtime.StartupProbe "))
        .filter(l -> l.contains("LookupDefineClass") || l.contains("Lookup_defineClass") || l.contains("$$Lambda"))
        .collect(Collectors.toList());
    assertEquals(List.of(), linked, "call sites linked by the runtime's first regions");
  }
}
