package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.BriefReading;
import dev.reelmesh.llm.plan.reading.Colours;
import dev.reelmesh.llm.plan.reading.NamedColour;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The palette follows the brief: the colours it names first (a red mug gets red), then the
 * colours its things, setting and hour bring (tomato, forest, dusk), then the style preset's.
 */
final class Palette {
  static final int MAX = 6;
  static final int TARGET = 5;

  private Palette() {}

  static List<String> of(BriefReading r, List<String> preset) {
    Set<String> out = new LinkedHashSet<>();
    for (NamedColour c : r.colours()) {
      if (out.size() < 3) {
        out.add(c.hex());
      }
    }
    List<String> words = new ArrayList<>(r.subjectAttributes());
    words.add(r.subjectNoun());
    words.addAll(r.props());
    words.add(r.setting().name());
    words.addAll(r.setting().features());
    words.add(r.timeOfDay());
    words.add(r.season());
    words.add(r.weather());
    for (String phrase : words) {
      String hex = Colours.implied(phrase);
      for (String w : phrase.split("\\s+")) {
        hex = hex == null ? Colours.implied(w) : hex;
      }
      if (hex != null && out.size() < TARGET - 1) {
        out.add(hex);
      }
    }
    for (String hex : preset) {
      if (out.size() < TARGET) {
        out.add(hex);
      }
    }
    return List.copyOf(new ArrayList<>(out).subList(0, Math.min(MAX, out.size())));
  }
}
