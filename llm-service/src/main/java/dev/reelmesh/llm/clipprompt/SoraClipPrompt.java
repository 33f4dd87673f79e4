package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.PlanLocation;
import dev.reelmesh.llm.shot.CameraMoves;
import dev.reelmesh.llm.shot.ShotAssembler;
import dev.reelmesh.llm.shot.ShotFragments;
import dev.reelmesh.llm.shot.ShotPrompt;
import java.util.Locale;
import java.util.Optional;

/**
 * Clip prompts for Sora-style models are single 4-second shots, so they go through the shot
 * assembler: the first character's description (its first clause) is the subject, the clip's
 * visual description without the character's name is the action, the plan's camera word is
 * clamped to one of the four moves, and a reference anchors the shot when the clip has one.
 */
final class SoraClipPrompt {
  private SoraClipPrompt() {}

  static String build(Plan plan, PlanClip clip, ClipReferences refs) {
    return shot(plan, clip, refs).prompt();
  }

  /** The assembled shot with its checks and repairs, so the generator can report them. */
  static ShotPrompt shot(Plan plan, PlanClip clip, ClipReferences refs) {
    Optional<PlanCharacter> hero = clip.characterIds().stream().findFirst().flatMap(plan::character);
    String visual = clip.visualDescription().isBlank() ? ClipPromptTemplates.DEFAULT_ACTION : clip.visualDescription().strip();
    String subject;
    String action;
    if (hero.isPresent()) {
      subject = hero.get().description().split(",")[0].strip();
      String name = hero.get().name().toLowerCase(Locale.ROOT);
      if (visual.toLowerCase(Locale.ROOT).startsWith(name + " ")) {
        action = visual.substring(name.length() + 1);
      } else {
        action = "with " + subject; // the shot is of a thing or place; the character is in it
        subject = visual;
      }
    } else {
      subject = visual;
      action = clip.motion().isBlank() ? "" : "as " + clip.motion();
    }
    String setting = plan.location(clip.locationId()).map(PlanLocation::name)
        .filter(n -> !visual.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)))
        .map(n -> n.matches("(?i)(a|an|the) .*") ? n : "the " + n).orElse("");
    ShotFragments f = new ShotFragments(subject.isBlank() ? "the main scene" : subject, action, setting, "",
        CameraMoves.clampLenient(clip.camera()), plan.style().lighting().split(",")[0], plan.style().mood());
    return ShotAssembler.assemble(f, refs.mode() != ReferenceMode.TEXT_ONLY);
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
