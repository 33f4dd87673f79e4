package dev.reelmesh.llm.plan;

import java.util.List;

/** One look for the whole video; palette entries are "#RRGGBB". */
public record PlanStyle(
    String visualStyle,
    String mood,
    String lighting,
    String cinematography,
    List<String> palette,
    String preset) {

  public PlanStyle {
    palette = List.copyOf(palette);
  }

  public PlanStyle withMood(String value) {
    return new PlanStyle(visualStyle, value, lighting, cinematography, palette, preset);
  }

  public PlanStyle withLighting(String value) {
    return new PlanStyle(visualStyle, mood, value, cinematography, palette, preset);
  }

  public PlanStyle withPalette(List<String> value) {
    return new PlanStyle(visualStyle, mood, lighting, cinematography, value, preset);
  }
}
