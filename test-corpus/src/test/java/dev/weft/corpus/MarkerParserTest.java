package dev.weft.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerParserTest {

  @Test
  void kindMarkerAppliesToTheNextLine() {
    ImmutableList<Marker> ms =
        MarkerParser.parse("A.java", List.of("class A {", "  // weft: DoallLoop", "  for (;;) {}", "}"));
    assertEquals(List.of(new Marker("A.java", 3, Verdict.accepted("DoallLoop"), "")), ms);
  }

  @Test
  void blockedMarkerIsASetAndKeepsTheNote() {
    Marker m =
        MarkerParser.parse(
                "B.java", List.of("// weft: blocked  IoInRegion,EarlyExit , MayAlias -- a and b may alias", "while (x) {}"))
            .get(0);
    assertEquals(2, m.line());
    assertEquals(ImmutableSortedSet.of("EarlyExit", "IoInRegion", "MayAlias"), m.verdict().blockers());
    assertEquals("a and b may alias", m.note());
    assertEquals("blocked EarlyExit, IoInRegion, MayAlias", m.verdict().toString());
  }

  @Test
  void blockerOrderDoesNotMatter() {
    Verdict a = MarkerParser.parse("C.java", List.of("// weft: blocked NonCanonicalLoop, LoopCarriedDependence", "x")).get(0).verdict();
    Verdict b = MarkerParser.parse("C.java", List.of("// weft: blocked LoopCarriedDependence, NonCanonicalLoop", "x")).get(0).verdict();
    assertEquals(a, b);
  }

  @Test
  void ordinaryCommentsAreNotMarkers() {
    assertTrue(MarkerParser.parse("D.java", List.of("// weft is a tool", "/* weft: DoallLoop */", "x")).isEmpty());
  }

  @Test
  void typosAreErrorsWithFileAndLine() {
    assertEquals("E.java:1: unknown region kind 'DoAllLoop'", error("// weft: DoAllLoop", "for"));
    assertEquals("E.java:1: unknown blocker id 'LoopCarried'", error("// weft: blocked LoopCarried", "for"));
    assertEquals("E.java:1: empty blocker id in 'blocked'", error("// weft: blocked", "for"));
    assertEquals("E.java:1: blocker id 'EarlyExit' listed twice", error("// weft: blocked EarlyExit, EarlyExit", "for"));
    assertEquals("E.java:1: two markers in a row", error("// weft: DoallLoop", "// weft: Reduction", "for"));
    assertEquals("E.java:1: marker followed by a blank line", error("// weft: DoallLoop", "", "for"));
    assertEquals("E.java:1: marker on the last line", error("// weft: DoallLoop"));
    assertEquals("E.java:1: empty marker", error("// weft:", "for"));
  }

  private static String error(String... lines) {
    return assertThrows(MarkerParser.MarkerSyntaxException.class, () -> MarkerParser.parse("E.java", List.of(lines)))
        .getMessage();
  }

  @Test
  void manifestParsesArgsAndDemoSizes() {
    ImmutableList<Program> ps =
        Program.parseManifest(List.of("# comment", "", "fib Fib demo=42", "stencil Stencil 64 10 demo=1800,50"));
    assertEquals(new Program("fib", "Fib", ImmutableList.of(), ImmutableList.of("42")), ps.get(0));
    assertEquals(new Program("stencil", "Stencil", ImmutableList.of("64", "10"), ImmutableList.of("1800", "50")), ps.get(1));
  }
}
