package dev.reelmesh.llm.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks what a scan found into concepts with gags: the main types most used by main code first,
 * errors woven in (two types, then one error), themes from names last. Each gets the first
 * matching gag of the metaphor table, or a labelled-jar default the LLM may later replace.
 */
final class ConceptFinder {
  static final int MAX_CONCEPTS = 40;
  private static final Set<String> NOISE = Set.of("get", "set", "is", "has", "to", "from", "of", "and",
      "the", "main", "test", "tests", "impl", "util", "utils", "init", "new", "run", "do", "on", "for",
      "with", "by", "in", "a", "an", "it", "base", "abstract", "default", "helper", "helpers", "error",
      "exception", "java", "lang", "str", "self", "args", "as", "at");
  static final String DEFAULT_SOURCE = "default";

  private ConceptFinder() {}

  static List<Concept> rank(RepositoryScan.Findings f, MetaphorTable table) {
    List<Concept> types = new ArrayList<>();
    top(f.types(), MAX_CONCEPTS).forEach(t -> {
      if (!t.matches(".*(Error|Exception|Failure)$")) {
        types.add(new Concept(t, Concept.Kind.TYPE, "declared in " + f.typeFiles().get(t) + ", used "
            + f.references().getOrDefault(t, 1) + " times in main code", f.references().getOrDefault(t, 1), "", 0, ""));
      }
    });
    List<Concept> errors = new ArrayList<>();
    top(f.errorCounts(), MAX_CONCEPTS / 2).forEach(e -> {
      String meaning = f.errorMeanings().getOrDefault(e, "");
      errors.add(new Concept(e, Concept.Kind.ERROR, meaning.isBlank() ? ErrorNames.inWords(e) : meaning,
          f.errorCounts().get(e), "", 0, ""));
    });
    List<Concept> ranked = new ArrayList<>();
    int t = 0;
    int e = 0;
    while (t < types.size() || e < errors.size()) {
      for (int k = 0; k < 2 && t < types.size(); k++) {
        ranked.add(types.get(t++));
      }
      if (e < errors.size()) {
        ranked.add(errors.get(e++));
      }
    }
    themes(f, 6).forEach(w -> ranked.add(new Concept(w, Concept.Kind.THEME, "a word the code's names repeat",
        1, "", 0, "")));
    List<Concept> out = new ArrayList<>();
    for (Concept c : ranked.subList(0, Math.min(MAX_CONCEPTS, ranked.size()))) {
      out.add(table.match(c.name()).map(m -> c.withGag(m.gag(), m.seconds(), m.source()))
          .orElseGet(() -> c.withGag(defaultGag(c), MetaphorTable.DEFAULT_SECONDS, DEFAULT_SOURCE)));
    }
    return out;
  }

  static String defaultGag(Concept c) {
    return "a jar labelled " + c.name() + " passed from hand to hand across the kitchen";
  }

  private static List<String> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()) // stable: ties keep scan order
        .limit(n).map(Map.Entry::getKey).toList();
  }

  /** Frequent words inside function names ("upload_recording" → upload, recording). */
  private static List<String> themes(RepositoryScan.Findings f, int n) {
    Map<String, Integer> words = new LinkedHashMap<>();
    f.functions().forEach((name, count) -> {
      for (String w : Concept.words(name)) {
        if (w.length() > 3 && !NOISE.contains(w.toLowerCase(Locale.ROOT))) {
          words.merge(w, count, Integer::sum);
        }
      }
    });
    return top(words, n);
  }
}
