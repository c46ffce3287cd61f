package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code weft --version}: the Maven version, from a resource the build filters (present in tests
 * and in the jar alike), else from the jar manifest.
 */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "weft " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.txt")) {
      if (in != null) {
        String v = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!v.isEmpty() && !v.startsWith("${")) return v;
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
