package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.PlanStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical style vocabulary of one job: 5–10 lowercase, deduplicated keywords in a stable
 * order (visual style, preset, mood, cinematography, lighting), shared by every clip prompt.
 */
public final class StyleKeywords {
  static final int MIN = 5;
  static final int MAX = 10;
  private static final Set<String> STOP = Set.of("a", "an", "the", "with", "and", "of", "in", "on",
      "very", "some", "style", "mood");
  private static final List<String> FILLERS =
      List.of("cinematic", "cohesive colour grade", "consistent lighting", "high detail", "smooth motion");

  private StyleKeywords() {}

  public static List<String> extract(PlanStyle style) {
    Set<String> out = new LinkedHashSet<>();
    for (String source : List.of(style.visualStyle(), style.preset(), style.mood(),
        style.cinematography(), style.lighting())) {
      for (String phrase : source.toLowerCase(Locale.ROOT).split(",|;|/|\\band\\b|\\bwith\\b")) {
        String k = clean(phrase);
        if (!k.isEmpty()) {
          out.add(k);
        }
      }
    }
    List<String> list = new ArrayList<>(out);
    if (list.size() > MAX) {
      list = new ArrayList<>(list.subList(0, MAX));
    }
    for (int i = 0; list.size() < MIN && i < FILLERS.size(); i++) {
      if (!list.contains(FILLERS.get(i))) {
        list.add(FILLERS.get(i));
      }
    }
    return List.copyOf(list);
  }

  /** Up to three words, stop words trimmed from the edges, punctuation removed. */
  private static String clean(String phrase) {
    List<String> words = new ArrayList<>(List.of(
        phrase.replaceAll("[^a-z0-9\\s-]", " ").strip().split("\\s+")));
    words.removeIf(String::isEmpty);
    while (!words.isEmpty() && STOP.contains(words.get(0))) {
      words.remove(0);
    }
    while (!words.isEmpty() && STOP.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.size() > 3) {
      words = words.subList(words.size() - 3, words.size());
    }
    return String.join(" ", words);
  }
}
