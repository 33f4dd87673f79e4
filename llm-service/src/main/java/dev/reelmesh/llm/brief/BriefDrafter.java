package dev.reelmesh.llm.brief;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns scan findings into concepts (types, error patterns, themes from names), four story beats
 * (hook, problem, solution, call to action) and a brief capped by the token budget level.
 */
public final class BriefDrafter {
  private static final Set<String> NOISE = Set.of("get", "set", "is", "has", "to", "from", "of", "and",
      "the", "main", "test", "tests", "impl", "util", "utils", "init", "new", "run", "do", "on", "for",
      "with", "by", "in", "a", "an", "it", "base", "abstract", "default", "helper", "helpers", "error",
      "exception", "java", "lang", "str", "self", "args", "as", "at");

  private BriefDrafter() {}

  public static RepositoryBrief draft(Path repo, RepositoryScan.Findings f, String audience,
      double seconds, BudgetLevel budget, String storyTemplate) {
    String title = !f.readmeTitle().isEmpty() ? f.readmeTitle() : repo.getFileName().toString();
    List<String> types = top(f.types(), 6);
    List<String> errors = top(f.errors(), 3);
    List<String> themes = themes(f, 4);
    Set<String> concepts = new LinkedHashSet<>();
    concepts.addAll(types);
    concepts.addAll(errors);
    concepts.addAll(themes);
    List<String> conceptList = new ArrayList<>(concepts).subList(0, Math.min(budget.maxConcepts, concepts.size()));
    String who = audience.isBlank() ? "developers" : audience.strip();
    String themeText = themes.isEmpty() ? "their everyday work" : String.join(" and ", themes.subList(0, Math.min(2, themes.size())));
    String summary = f.readmeSummary().isEmpty() ? title + " helps with " + themeText + "." : f.readmeSummary();
    List<String> beats = List.of(
        "hook: " + firstSentence(summary),
        "problem: " + who + " lose time to " + (errors.isEmpty() ? "manual " + themeText
            : String.join(" and ", errors.subList(0, Math.min(2, errors.size())))),
        "solution: " + (types.isEmpty() ? title : String.join(", ", types.subList(0, Math.min(3, types.size()))))
            + " turn " + themeText + " into a smooth flow",
        "call to action: try " + title + " today");
    String tone = storyTemplate.isBlank() ? "explainer" : storyTemplate.strip();
    StringBuilder brief = new StringBuilder()
        .append("A ").append(fmt(seconds)).append("-second ").append(tone).append(" video for ").append(who)
        .append(" about ").append(title).append(". ").append(summary).append(' ')
        .append("Open on the hook: ").append(firstSentence(summary)).append(' ')
        .append("Show the problem: ").append(beats.get(1).substring(9)).append(". ")
        .append("Then the solution: ").append(beats.get(2).substring(10)).append(". ")
        .append("End with a call to action: try ").append(title).append(" today.");
    if (!conceptList.isEmpty()) {
      brief.append(" Visual ideas from the code: ").append(String.join(", ", conceptList)).append('.');
    }
    return new RepositoryBrief(title, cap(brief.toString(), budget.maxBriefChars()), conceptList, beats, f.filesScanned());
  }

  private static List<String> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()) // stable: ties keep scan order
        .limit(n).map(Map.Entry::getKey).toList();
  }

  /** Frequent words inside type and function names ("ScreenRecorder" → screen, recorder). */
  private static List<String> themes(RepositoryScan.Findings f, int n) {
    Map<String, Integer> words = new LinkedHashMap<>();
    for (Map<String, Integer> names : List.of(f.types(), f.functions())) {
      names.forEach((name, count) -> {
        for (String w : name.split("(?<=[a-z0-9])(?=[A-Z])|_")) {
          String word = w.toLowerCase(Locale.ROOT);
          if (word.length() > 2 && !NOISE.contains(word)) {
            words.merge(word, count, Integer::sum);
          }
        }
      });
    }
    return top(words, n);
  }

  private static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    return dot < 0 ? text : text.substring(0, dot + 1);
  }

  private static String cap(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars - 1).replaceAll("\\s+\\S*$", "") + "…";
  }

  private static String fmt(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }
}
