package dev.weft.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import com.google.common.collect.ImmutableList;
import dev.weft.transformer.source.Edit;
import dev.weft.transformer.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parse then print with no change is byte-identical on every corpus file and every golden input:
 * the bytes survive reading (charset, byte-order mark), the JavaParser lexical-preserving print of
 * the untouched tree equals the text, and a rewrite with no regions changes nothing.
 */
class RoundTripTest {

  static List<Path> javaFiles() throws IOException {
    Path corpus = Path.of("../test-corpus/programs");
    assumeTrue(Files.isDirectory(corpus), "the corpus is beside this module");
    try (Stream<Path> walk = Files.walk(corpus)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void everyCorpusFileRoundTripsByteForByte() throws IOException {
    List<Path> files = javaFiles();
    assertTrue(files.size() >= 10, "corpus files found: " + files.size());
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      SourceFile source = SourceFile.read(f.getParent(), f);
      assertArrayEquals(bytes, source.encode(source.text()), f + ": read and re-encoded");
      assertEquals(source.text(), Edit.apply(source.text(), List.of()), f + ": no edits");
      CompilationUnit cu = parser.parse(source.text()).getResult().orElseThrow();
      LexicalPreservingPrinter.setup(cu);
      assertEquals(source.text(), LexicalPreservingPrinter.print(cu), f + ": lexical-preserving print");
    }
  }

  @Test
  void aRewriteWithNoRegionsChangesNothing() throws IOException {
    Path corpus = Path.of("../test-corpus/programs");
    assumeTrue(Files.isDirectory(corpus));
    RewriteResult result = new Rewriter(RewriteOptions.defaults()).rewrite(corpus, RegionSpec.report(corpus, ImmutableList.of()));
    assertTrue(result.files().isEmpty());
    assertTrue(result.regions().isEmpty());
  }
}
