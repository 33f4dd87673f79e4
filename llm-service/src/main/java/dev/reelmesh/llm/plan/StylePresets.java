package dev.reelmesh.llm.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Named looks a brief can ask for; an unknown preset name is used as the visual style itself. */
public final class StylePresets {
  private static final Map<String, PlanStyle> PRESETS = Map.of(
      "cinematic", style("cinematic", "hopeful", "warm golden-hour light",
          "shallow depth of field, slow dolly moves", "#1B2A41", "#C9A227", "#F2E8CF", "#8C5E3C"),
      "minimal", style("minimal", "calm", "soft diffused daylight",
          "clean symmetrical framing, static shots", "#F5F5F0", "#2E2E2E", "#A8B5A2"),
      "playful", style("playful", "joyful", "bright high-key light",
          "bouncy handheld moves, bold close-ups", "#FF6B6B", "#FFD93D", "#6BCB77", "#4D96FF"),
      "documentary", style("documentary", "honest", "natural available light",
          "observational handheld, medium shots", "#5C6B73", "#9DB4C0", "#E0FBFC", "#253237"),
      "noir", style("noir", "tense", "low-key hard light with deep shadows",
          "high contrast, dutch angles, slow tracking", "#0B0C10", "#1F2833", "#C5C6C7", "#66FCF1"),
      "photorealistic", style("photorealistic", "grounded", "natural soft light",
          "35mm lens, eye-level framing", "#3E4A3D", "#D9CAB3", "#6D9886", "#212121"),
      "anime", style("anime", "energetic", "vivid cel-shaded light",
          "dynamic angles, speed lines", "#FF5D8F", "#3A86FF", "#FFBE0B", "#FB5607"));

  private static final List<String> ORDER =
      List.of("cinematic", "minimal", "playful", "documentary", "noir", "photorealistic", "anime");

  private StylePresets() {}

  /**
   * The style for a request: the named preset, or one chosen from words in the brief, or a seeded
   * pick. Same inputs, same style.
   */
  public static PlanStyle choose(String preset, String brief, Random random) {
    String key = preset.toLowerCase(Locale.ROOT);
    if (PRESETS.containsKey(key)) {
      return withPreset(PRESETS.get(key), key);
    }
    String b = brief.toLowerCase(Locale.ROOT);
    String inferred = b.contains("noir") || b.contains("night") || b.contains("detective") ? "noir"
        : b.contains("documentary") || b.contains("interview") ? "documentary"
        : b.contains("fun") || b.contains("kids") || b.contains("playful") ? "playful"
        : b.contains("minimal") || b.contains("clean") ? "minimal"
        : b.contains("anime") ? "anime"
        : b.contains("cinematic") || b.contains("warm") || b.contains("morning") ? "cinematic"
        : ORDER.get(random.nextInt(ORDER.size()));
    PlanStyle base = PRESETS.get(inferred);
    if (!key.isEmpty()) {
      // A preset we do not know is still the caller's word for the look: keep it.
      return new PlanStyle(key, base.mood(), base.lighting(), base.cinematography(),
          base.palette(), key);
    }
    return withPreset(base, "");
  }

  public static List<String> names() {
    return ORDER;
  }

  private static PlanStyle withPreset(PlanStyle s, String preset) {
    return new PlanStyle(s.visualStyle(), s.mood(), s.lighting(), s.cinematography(), s.palette(), preset);
  }

  private static PlanStyle style(String visual, String mood, String lighting, String cine, String... palette) {
    return new PlanStyle(visual, mood, lighting, cine, List.of(palette), "");
  }
}
