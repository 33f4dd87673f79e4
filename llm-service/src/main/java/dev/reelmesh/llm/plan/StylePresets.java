package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.BriefReading;
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

  /** Mood the brief names → the preset whose look carries it. */
  private static final Map<String, String> BY_MOOD = Map.ofEntries(
      Map.entry("calm", "minimal"), Map.entry("serene", "minimal"), Map.entry("peaceful", "minimal"),
      Map.entry("elegant", "minimal"), Map.entry("cosy", "cinematic"), Map.entry("hopeful", "cinematic"),
      Map.entry("romantic", "cinematic"), Map.entry("dreamy", "cinematic"), Map.entry("tender", "cinematic"),
      Map.entry("nostalgic", "cinematic"), Map.entry("wistful", "cinematic"), Map.entry("inspiring", "cinematic"),
      Map.entry("solitary", "cinematic"), Map.entry("mysterious", "cinematic"), Map.entry("epic", "cinematic"),
      Map.entry("melancholic", "cinematic"), Map.entry("playful", "playful"), Map.entry("comic", "playful"),
      Map.entry("joyful", "playful"), Map.entry("festive", "playful"), Map.entry("tense", "noir"),
      Map.entry("eerie", "noir"), Map.entry("moody", "noir"), Map.entry("energetic", "documentary"),
      Map.entry("bold", "photorealistic"), Map.entry("gritty", "documentary"), Map.entry("honest", "documentary"));
  /** What kind of video → a preset, when the brief names no mood. */
  private static final Map<String, String> BY_PURPOSE = Map.ofEntries(
      Map.entry("explainer", "minimal"), Map.entry("loop", "minimal"), Map.entry("recipe", "photorealistic"),
      Map.entry("walkthrough", "photorealistic"), Map.entry("travel", "documentary"),
      Map.entry("appeal", "documentary"), Map.entry("recruiting", "documentary"),
      Map.entry("teaser", "cinematic"), Map.entry("invitation", "playful"),
      Map.entry("save-the-date", "cinematic"), Map.entry("music video", "cinematic"),
      Map.entry("launch", "photorealistic"), Map.entry("ad", "cinematic"));
  /** Looks a brief may get without asking; noir and anime only when asked for. */
  private static final List<String> NEUTRAL = List.of("cinematic", "photorealistic", "documentary", "minimal");

  /**
   * The style for a request: the named preset; else the one the brief's mood or purpose calls for
   * (a meditation loop is calm, never noir); else a seeded neutral pick. The brief's own mood word
   * and camera words are kept. Same inputs, same style.
   */
  public static PlanStyle choose(String preset, BriefReading reading, String brief, Random random) {
    String key = preset.toLowerCase(Locale.ROOT);
    String b = brief.toLowerCase(Locale.ROOT);
    String named = ORDER.stream().filter(n -> b.matches("(?s).*\\b" + n + "\\b.*")).findFirst().orElse("");
    String inferred = PRESETS.containsKey(key) ? key
        : !named.isEmpty() ? named
        : BY_MOOD.containsKey(reading.mood()) ? BY_MOOD.get(reading.mood())
        : BY_PURPOSE.containsKey(reading.purpose()) ? BY_PURPOSE.get(reading.purpose())
        : NEUTRAL.get(random.nextInt(NEUTRAL.size()));
    PlanStyle base = PRESETS.get(inferred);
    String mood = reading.mood().isEmpty() ? base.mood() : reading.mood();
    String cinematography = reading.camera().isEmpty() ? base.cinematography()
        : String.join(", ", reading.camera()) + ", " + base.cinematography();
    String visual = PRESETS.containsKey(key) || key.isEmpty() ? base.visualStyle() : key;
    // A preset we do not know is still the caller's word for the look: keep it.
    return new PlanStyle(visual, mood, Lighting.of(reading, base.lighting()), cinematography,
        Palette.of(reading, base.palette()), PRESETS.containsKey(key) || !key.isEmpty() ? key : "");
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
