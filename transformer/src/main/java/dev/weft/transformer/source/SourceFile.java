package dev.weft.transformer.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Java file as the user wrote it: its exact text, the charset it was decoded with (UTF-8, or
 * ISO-8859-1 when it is not valid UTF-8, so every byte survives a round trip), a UTF-8 byte-order
 * mark if it had one, and the line separator new code must use. Offsets map JavaParser positions
 * (1-based line and column, a tab counting as one column) back onto the text.
 */
public final class SourceFile {

  private final String relativePath;
  private final String text;
  private final Charset charset;
  private final boolean byteOrderMark;
  private final String lineSeparator;
  private final int[] lineStarts;

  public SourceFile(String relativePath, String text, Charset charset, boolean byteOrderMark) {
    this.relativePath = relativePath;
    this.text = text;
    this.charset = charset;
    this.byteOrderMark = byteOrderMark;
    this.lineSeparator = detectLineSeparator(text);
    this.lineStarts = lineStarts(text);
  }

  public static SourceFile read(Path root, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    ByteBuffer body = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
    String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(body)
          .toString();
      return new SourceFile(relative, text, StandardCharsets.UTF_8, bom);
    } catch (CharacterCodingException notUtf8) {
      // Latin-1 maps every byte to one char and back, so the bytes we do not touch stay as they were.
      return new SourceFile(relative, new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, false);
    }
  }

  /** The bytes of {@code newText} in this file's encoding, byte-order mark included. */
  public byte[] encode(String newText) {
    byte[] body = newText.getBytes(charset);
    if (!byteOrderMark) return body;
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xef;
    out[1] = (byte) 0xbb;
    out[2] = (byte) 0xbf;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  public String relativePath() {
    return relativePath;
  }

  public String text() {
    return text;
  }

  public Charset charset() {
    return charset;
  }

  public boolean byteOrderMark() {
    return byteOrderMark;
  }

  public String lineSeparator() {
    return lineSeparator;
  }

  public int offset(Position p) {
    return lineStarts[p.line - 1] + p.column - 1;
  }

  /** Offset of the node's first character. */
  public int begin(Node n) {
    return offset(n.getBegin().orElseThrow());
  }

  /** Offset just past the node's last character. */
  public int end(Node n) {
    return offset(n.getEnd().orElseThrow()) + 1;
  }

  public String textOf(Node n) {
    return text.substring(begin(n), end(n));
  }

  /** The whitespace that starts the line holding {@code offset}. */
  public String indentAt(int offset) {
    int start = offset;
    while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') start--;
    int i = start;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return text.substring(start, i);
  }

  /** True when only whitespace precedes {@code offset} on its line. */
  public boolean startsLine(int offset) {
    int i = offset;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) i--;
    return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
  }

  private static String detectLineSeparator(String text) {
    int n = text.indexOf('\n');
    int r = text.indexOf('\r');
    if (r >= 0 && (n < 0 || r < n)) return n == r + 1 ? "\r\n" : "\r";
    return "\n";
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        starts.add(i + 1);
      } else if (c == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
