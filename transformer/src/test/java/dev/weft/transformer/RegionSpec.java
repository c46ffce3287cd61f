package dev.weft.transformer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.weft.analyzer.findings.Accumulator;
import dev.weft.analyzer.findings.Region;
import dev.weft.analyzer.findings.RegionKind;
import dev.weft.analyzer.findings.Report;
import dev.weft.analyzer.findings.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Regions written by hand next to a golden input (the {@code .regions} sidecar), standing in for
 * the analyzer's verdicts. One region per line, fields separated by {@code " | "}:
 *
 * <pre>
 * Reduction | line=7 | work=12 | acc=sum;long;SCALAR;+;0L | fact=sum += a[i]: associative | check=a != b | capture=n | fp
 * </pre>
 *
 * {@code skipped=<fragment>} says the rewrite must skip the region with a reason containing it. A
 * line {@code options allow-fp} turns on floating-point reassociation. Lines starting with {@code #} are comments; {@code acc=}, {@code check=}, {@code capture=} and
 * {@code fact=} may repeat.
 */
final class RegionSpec {

  private RegionSpec() {}

  /** A region and, when the golden expects it to be skipped, a fragment of the reason. */
  record Spec(Region region, String expectSkipped) {}

  static List<Spec> read(Path sidecar, String file) throws IOException {
    List<Spec> regions = new ArrayList<>();
    for (String line : Files.readAllLines(sidecar)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("options")) continue;
      String expectSkipped = null;
      String[] fields = line.split(" \\| ");
      RegionKind kind = RegionKind.fromId(fields[0].trim());
      int at = 0;
      int column = 0;
      long work = 10;
      boolean fp = false;
      ImmutableList.Builder<Accumulator> accs = ImmutableList.builder();
      ImmutableList.Builder<String> facts = ImmutableList.builder();
      ImmutableList.Builder<String> checks = ImmutableList.builder();
      ImmutableList.Builder<String> captures = ImmutableList.builder();
      for (int i = 1; i < fields.length; i++) {
        String f = fields[i].trim();
        String key = f.contains("=") ? f.substring(0, f.indexOf('=')) : f;
        String value = f.contains("=") ? f.substring(f.indexOf('=') + 1) : "";
        switch (key) {
          case "line" -> at = Integer.parseInt(value);
          case "column" -> column = Integer.parseInt(value);
          case "work" -> work = Long.parseLong(value);
          case "fp" -> fp = true;
          case "fact" -> facts.add(value);
          case "check" -> checks.add(value);
          case "capture" -> captures.add(value);
          case "skipped" -> expectSkipped = value;
          case "acc" -> {
            String[] a = value.split(";", 5);
            accs.add(new Accumulator(a[0], a[1], Accumulator.Shape.valueOf(a[2]), a[3], a.length > 4 ? a[4] : ""));
          }
          default -> throw new IllegalArgumentException("unknown field " + key + " in " + sidecar);
        }
      }
      regions.add(new Spec(new Region(kind, new SourceLocation(file, at, column), "golden", work * 1000, work, null,
          accs.build(), captures.build(), facts.build(), checks.build(), fp), expectSkipped));
    }
    return regions;
  }

  static Report report(Path root, List<Region> regions) {
    return new Report(root.toString(), 1, ImmutableList.copyOf(regions), ImmutableList.of(), ImmutableList.of(),
        ImmutableSortedMap.of(), 0);
  }
}
