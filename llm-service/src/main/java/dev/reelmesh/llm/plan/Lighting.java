package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.BriefReading;
import java.util.Map;

/** Lighting in words from the brief's hour, weather and light words, before the preset's own. */
final class Lighting {
  private static final Map<String, String> TIMES = Map.ofEntries(
      Map.entry("dawn", "soft pink dawn light"), Map.entry("sunrise", "low warm sunrise light"),
      Map.entry("morning", "fresh morning light"), Map.entry("noon", "bright overhead noon sun"),
      Map.entry("afternoon", "warm afternoon light"), Map.entry("golden hour", "low golden-hour sun"),
      Map.entry("sunset", "warm orange sunset light"), Map.entry("dusk", "cool violet dusk light"),
      Map.entry("evening", "warm evening lamplight"), Map.entry("night", "night light from lamps and signs"));
  private static final Map<String, String> WEATHER = Map.of("rain", "wet reflections under an overcast sky",
      "snow", "soft diffuse snow light", "fog", "hazy fog-softened light", "storm", "dramatic storm light",
      "sun", "clear sunshine", "cloud", "even overcast light", "wind", "shifting light");

  private Lighting() {}

  static String of(BriefReading r, String presetLighting) {
    StringBuilder s = new StringBuilder();
    if (!r.lighting().isEmpty()) {
      s.append(r.lighting());
    } else if (TIMES.containsKey(r.timeOfDay())) {
      s.append(TIMES.get(r.timeOfDay()));
    }
    if (WEATHER.containsKey(r.weather())) {
      s.append(s.length() > 0 ? ", " : "").append(WEATHER.get(r.weather()));
    }
    if (r.season().equals("winter") && s.indexOf("winter") < 0) {
      s.append(s.length() > 0 ? ", " : "").append("crisp winter light");
    }
    // The brief's own light wins; the preset's only fills in when the brief says nothing of it.
    return s.length() == 0 ? presetLighting : s.toString();
  }
}
