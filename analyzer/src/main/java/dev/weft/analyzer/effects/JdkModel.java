package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reviewed JDK model ({@code jdk-model.txt} beside this class; its header documents the
 * format). Rules are tried in file order; the first match wins.
 */
final class JdkModel {

  /** One line of the model. {@code params} is null when the rule covers every overload. */
  record Rule(
      String classPattern,
      Pattern method,
      ImmutableList<String> params,
      ImmutableList<String> effects,
      int line) {

    boolean matches(String className, String name, List<String> parameterTypes, boolean exactClassOnly) {
      boolean classMatches =
          classPattern.endsWith(".*")
              ? !exactClassOnly && className.startsWith(classPattern.substring(0, classPattern.length() - 1))
              : classPattern.equals(className);
      return classMatches
          && method.matcher(name).matches()
          && (params == null || params.equals(parameterTypes));
    }

    String where() {
      return "JDK model line " + line;
    }
  }

  private final ImmutableList<Rule> rules;

  private JdkModel(ImmutableList<Rule> rules) {
    this.rules = rules;
  }

  static JdkModel load() {
    try (InputStream in = JdkModel.class.getResourceAsStream("jdk-model.txt")) {
      if (in == null) {
        throw new IllegalStateException("jdk-model.txt is missing from the analyzer jar");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JdkModel parse(List<String> lines) {
    ImmutableList.Builder<Rule> rules = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      String target = words[0];
      int hash = target.indexOf('#');
      String classPattern = hash < 0 ? target : target.substring(0, hash);
      String member = hash < 0 ? "*" : target.substring(hash + 1);
      ImmutableList<String> params = null;
      int paren = member.indexOf('(');
      if (paren >= 0) {
        String inside = member.substring(paren + 1, member.length() - 1);
        params = inside.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(inside.split(","));
        member = member.substring(0, paren);
      }
      Pattern method = Pattern.compile(Pattern.quote(member).replace("*", "\\E.*\\Q"));
      ImmutableList<String> effects = ImmutableList.copyOf(List.of(words).subList(1, words.length));
      if (effects.isEmpty()) {
        throw new IllegalArgumentException("jdk-model.txt line " + (i + 1) + ": no effect listed");
      }
      rules.add(new Rule(classPattern, method, params, effects, i + 1));
    }
    return new JdkModel(rules.build());
  }

  /**
   * The first rule for {@code className.name(parameterTypes)}; with {@code exactClassOnly}, only
   * rules naming the class itself (used when the class is reached as a supertype).
   */
  Optional<Rule> lookup(String className, String name, List<String> parameterTypes, boolean exactClassOnly) {
    for (Rule rule : rules) {
      if (rule.matches(className, name, parameterTypes, exactClassOnly)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  int size() {
    return rules.size();
  }

  List<Rule> rules() {
    return new ArrayList<>(rules);
  }
}
