package io.docextract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages depend downward only, in the order of the flow, and never in a cycle. Reads every
 * main source file for names of other docextract packages, in import lines and in fully qualified
 * names in the code alike (a fully qualified name is a dependency no import line shows).
 */
class PackageDependenciesTest {

  /**
   * Bottom to top: a package may use those in the layers below its own and no other. A new package
   * must be placed here, which is where its place in the flow gets decided.
   */
  private static final List<Set<String>> LAYERS =
      List.of(
          Set.of("values"),
          Set.of(
              "catalog",
              "model",
              "passages",
              "synth",
              "finetune",
              "checks",
              "grounding",
              "rules",
              "validate"),
          // The OCR engines fetch their weights through the model catalogue; parsing uses them.
          Set.of("ocr"),
          Set.of("ingest"),
          Set.of("classify", "endpoint", "serve"),
          Set.of("config"),
          Set.of("decision"),
          Set.of("review"),
          Set.of("report"),
          Set.of("eval", "bench"),
          Set.of("pipeline"),
          Set.of("cli"));

  private static final Path MAIN = Path.of("src/main/java/io/docextract");
  private static final Pattern PACKAGE_NAME = Pattern.compile("\\bio\\.docextract\\.([a-z]+)\\.");

  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void readSources() throws IOException {
    uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(f).getName(0).toString();
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = PACKAGE_NAME.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            used.add(m.group(1));
          }
        }
      }
    }
  }

  @Test
  void everyPackageHasAPlaceInTheFlow() {
    Set<String> placed = new TreeSet<>();
    LAYERS.forEach(placed::addAll);
    assertEquals(placed, uses.keySet(), "packages in LAYERS against packages in src/main");
  }

  @Test
  void packagesUseOnlyThoseBelowThem() {
    List<String> upward = new ArrayList<>();
    uses.forEach(
        (pkg, used) -> {
          for (String u : used) {
            if (layer(u) >= layer(pkg)) {
              upward.add(pkg + " -> " + u);
            }
          }
        });
    assertEquals(List.of(), upward, "imports of a package at the same level or above");
  }

  @Test
  void theSharedVocabularyUsesNoOtherPackage() {
    assertEquals(Set.of(), uses.get("values"));
  }

  @Test
  void ingestAndValidateDoNotUseReviewAndTheMatchersDoNotUseEval() {
    for (String lower : List.of("ingest", "validate")) {
      assertTrue(!uses.get(lower).contains("review"), lower + " uses review");
    }
    for (String lower : List.of("grounding", "rules", "checks")) {
      assertTrue(!uses.get(lower).contains("eval"), lower + " uses eval");
    }
  }

  @Test
  void noCycleBetweenPackages() {
    for (String start : uses.keySet()) {
      List<String> path = cycleFrom(start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
      assertEquals(null, path, "a cycle through " + start);
    }
  }

  private static List<String> cycleFrom(
      String start, String at, List<String> path, Set<String> seen) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(next);
        return cycle;
      }
      if (seen.add(next)) {
        path.add(next);
        List<String> found = cycleFrom(start, next, path, seen);
        if (found != null) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return null;
  }

  private static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    throw new AssertionError("package " + pkg + " is not in LAYERS");
  }
}
