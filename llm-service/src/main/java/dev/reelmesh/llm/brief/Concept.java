package dev.reelmesh.llm.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A concept found in a repository: a type main code declares (weight = its uses), an error it
 * defines or raises (with its meaning), or a theme from the docs; and the gag that shows it.
 */
public record Concept(String name, Kind kind, String meaning, int weight, String gag, double seconds,
    String gagSource) {
  public enum Kind { TYPE, ERROR, THEME }

  Concept withGag(String gag, double seconds, String source) {
    return new Concept(name, kind, meaning, weight, gag, seconds, source);
  }

  /** "ModuleNotFoundError" → [module, not, found, error]; "upload_recording" → [upload, recording]. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\\s-]+")) {
      if (!w.isBlank()) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
