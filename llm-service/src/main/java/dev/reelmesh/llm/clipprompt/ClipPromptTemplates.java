package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.VideoFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic clip prompt: action → motion → camera → style/mood/cinematography → palette
 * in words → lighting → quality modifiers → reference hint. Pure string building; the LLM path
 * starts from these and falls back to them.
 */
public final class ClipPromptTemplates {
  static final String DEFAULT_ACTION = "Wide shot of the main scene consistent with the overall style";
  /** Directive quality and motion modifiers, in the order SVD-like models weigh them. */
  private static final List<String> SVD_DIRECTIVES = List.of("subject centred and clearly visible",
      "smooth natural motion", "steady framing", "sharp focus on the subject", "consistent lighting across the shot",
      "realistic textures and materials", "clean uncluttered background", "stable exposure", "fine surface detail",
      "balanced composition", "natural colour grading", "crisp edges", "physically plausible movement",
      "soft realistic shadows", "clear subject silhouette", "high dynamic range");

  private ClipPromptTemplates() {}

  public static String build(Plan plan, PlanClip clip, ClipReferences refs, List<String> keywords,
      VideoFamily family) {
    if (family == VideoFamily.SORA) {
      return SoraClipPrompt.build(plan, clip, refs);
    }
    BeatLevel level = BeatLevel.of(clip.beatIntensity());
    PromptLength length = PromptLength.of(family);
    if (family == VideoFamily.COGVIDEOX) {
      return Words.truncate(CogVideoXPrompt.build(plan, clip, refs, keywords, level), length.max());
    }
    List<String> parts = new ArrayList<>();
    parts.add(action(plan, clip));
    parts.add(clip.motion().isBlank() ? level.defaultMovement
        : stripEnd(clip.motion()) + ", " + level.motionAdverb + " pacing");
    if (!clip.camera().isBlank()) {
      parts.add(stripEnd(clip.camera()) + " camera");
    } else if (!clip.motion().isBlank()) {
      parts.add(level.defaultMovement); // one default movement phrase, not two
    }
    parts.add(styleFragment(plan, keywords));
    String palette = PaletteNames.describe(plan.style().palette());
    if (!palette.isEmpty()) {
      parts.add(palette);
    }
    if (!plan.style().lighting().isBlank()) {
      parts.add(stripEnd(plan.style().lighting()));
    }
    parts.add(family == VideoFamily.SVD ? "highly detailed, 4K"
        : "highly detailed, professional cinematography, 4K, " + plan.aspectRatio() + " aspect ratio");
    if (refs.productAnchored()) {
      parts.add("keep the product consistent with the product reference image");
    } else if (refs.mode() == ReferenceMode.SCENE) {
      parts.add("match the look and composition of the established scene reference image");
    }
    if (ClipPromptTemplates.keepsCharacters(plan, clip, refs)) {
      parts.add("keep character appearance consistent with earlier shots");
    }
    String prompt = String.join(", ", parts).replaceAll("\\s+", " ").replaceAll(",\\s*,", ",");
    // A sparse plan gives a short prompt; SVD-like models want at least 50 words of direction.
    for (int i = 0; Words.count(prompt) < length.min() && i < SVD_DIRECTIVES.size(); i++) {
      prompt = prompt + ", " + SVD_DIRECTIVES.get(i);
    }
    return Words.truncate(prompt, length.max());
  }

  /** A character reference, or a plan that asks for consistent characters in a clip that has some. */
  static boolean keepsCharacters(Plan plan, PlanClip clip, ClipReferences refs) {
    return refs.mode() == ReferenceMode.CHARACTER || !refs.characterUrls().isEmpty()
        || (plan.characterConsistency() && !clip.characterIds().isEmpty());
  }

  /** The clip's action with every character's description written out, and where it happens. */
  static String action(Plan plan, PlanClip clip) {
    String visual = clip.visualDescription().isBlank() ? DEFAULT_ACTION : stripEnd(clip.visualDescription());
    StringBuilder out = new StringBuilder(Character.toUpperCase(visual.charAt(0)) + visual.substring(1));
    for (String id : clip.characterIds()) {
      plan.character(id).map(PlanCharacter::description)
          .filter(d -> !visual.toLowerCase(Locale.ROOT).contains(d.toLowerCase(Locale.ROOT)))
          .ifPresent(d -> out.append(", ").append(plan.character(id).get().name()).append(" is ").append(stripEnd(d)));
    }
    plan.location(clip.locationId()).ifPresent(l -> out.append(", set in ").append(stripEnd(l.description())));
    return out.toString();
  }

  /** "in a cinematic style that feels hopeful, shallow depth of field" + canonical keywords. */
  static String styleFragment(Plan plan, List<String> keywords) {
    StringBuilder s = new StringBuilder("in a ").append(plan.style().visualStyle().isBlank()
        ? keywords.get(0) : plan.style().visualStyle()).append(" style");
    if (!plan.style().mood().isBlank()) {
      s.append(" that feels ").append(plan.style().mood());
    }
    if (!plan.style().cinematography().isBlank()) {
      s.append(", with ").append(stripEnd(plan.style().cinematography()));
    }
    List<String> extra = new ArrayList<>();
    String sofar = s.toString().toLowerCase(Locale.ROOT);
    for (String k : keywords.subList(0, Math.min(4, keywords.size()))) {
      if (!sofar.contains(k)) {
        extra.add(k);
      }
    }
    if (!extra.isEmpty()) {
      s.append(", ").append(String.join(", ", extra));
    }
    return s.toString();
  }

  private static String stripEnd(String s) {
    return s.strip().replaceAll("[.;:,]+$", "");
  }
}
