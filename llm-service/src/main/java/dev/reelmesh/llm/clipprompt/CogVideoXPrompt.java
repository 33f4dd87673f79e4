package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import java.util.ArrayList;
import java.util.List;

/**
 * The CogVideoX-like variant: the same plan facts as flowing narrative sentences (the model uses
 * fuller context), at least 100 words, padded with scene-grounding sentences when a plan is
 * sparse, and capped below 200.
 */
final class CogVideoXPrompt {
  private static final List<String> DEPTH = List.of(
      "The subject stays the clear focus of attention from the first frame to the last.",
      "Small details in the background move naturally, giving the scene depth and life.",
      "Surfaces, fabric and skin show their texture clearly in the light.",
      "Shadows fall softly and stay consistent with the direction of the light.",
      "The pacing lets every gesture finish before the shot ends.",
      "Air, dust or steam catches the light wherever the scene allows it.",
      "Colours stay true from one moment to the next, with no sudden shifts in exposure.",
      "Movement follows real physics: weight, momentum and balance all read naturally.");

  private CogVideoXPrompt() {}

  static String build(Plan plan, PlanClip clip, ClipReferences refs, List<String> keywords, BeatLevel level) {
    List<String> s = new ArrayList<>();
    s.add(ClipPromptTemplates.action(plan, clip) + ".");
    s.add(clip.motion().isBlank() ? "The shot moves with " + level.defaultMovement + "."
        : "Within the shot, " + lower(strip(clip.motion())) + ", at a " + level.motionAdverb + " pace.");
    s.add(clip.camera().isBlank() ? "The camera keeps a calm, deliberate distance from the subject."
        : "The camera uses a " + strip(clip.camera()) + ", so the viewer is drawn into the moment.");
    s.add("It is told " + ClipPromptTemplates.styleFragment(plan, keywords) + ".");
    String palette = PaletteNames.describe(plan.style().palette());
    if (!palette.isEmpty()) {
      s.add("The frame is built around a " + palette + ".");
    }
    if (!plan.style().lighting().isBlank()) {
      s.add("Light comes from " + lower(strip(plan.style().lighting())) + ", shaping every surface.");
    }
    if (refs.productAnchored()) {
      s.add("The product looks exactly as in the product reference image.");
    } else if (refs.mode() == ReferenceMode.SCENE) {
      s.add("The look and composition follow the established scene reference image.");
    }
    if (ClipPromptTemplates.keepsCharacters(plan, clip, refs)) {
      s.add("Every character looks the same as in earlier shots.");
    }
    for (String id : clip.characterIds()) {
      plan.character(id).map(PlanCharacter::name).ifPresent(n -> s.add(n + " moves with intent, never posing for the camera."));
    }
    s.add("Every frame is highly detailed, with professional cinematography in 4K at a " + plan.aspectRatio()
        + " aspect ratio.");
    String text = String.join(" ", s);
    for (int i = 0; Words.count(text) < PromptLength.of(dev.reelmesh.llm.plan.VideoFamily.COGVIDEOX).min()
        && i < DEPTH.size(); i++) {
      text = text + " " + DEPTH.get(i);
    }
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String strip(String s) {
    return s.strip().replaceAll("[.;:,]+$", "");
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
