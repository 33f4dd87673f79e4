package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.Character;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.GlobalStyle;
import dev.reelmesh.v1.Location;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.nio.file.Path;
import java.util.List;

/**
 * Plans shaped like today's offline planner makes them: the brief verbatim, one named hero
 * ("Maya, a person in their thirties, ...") in every clip but the detail shot, a location, a
 * camera move per clip. The animatic must read the brief through this shape.
 */
final class PlanFixtures {
  static final List<String> CAMERAS = List.of("static", "push-in", "close-up", "slow pan");

  private PlanFixtures() {}

  static ScenePlan plan(String brief, String... palette) {
    ScenePlan.Builder plan = ScenePlan.newBuilder().setBrief(brief).setDurationSeconds(16)
        .setStyle(GlobalStyle.newBuilder().setMood("warm").setLighting("soft light")
            .addAllPalette(palette.length > 0 ? List.of(palette)
                : List.of("#1B3A5C", "#E8A33D", "#F4EBD9", "#7A9E7E")))
        .addCharacters(Character.newBuilder().setId("char-1").setName("Maya")
            .setDescription("a person in their thirties, curly auburn hair, denim jacket"))
        .addLocations(Location.newBuilder().setId("loc-1").setName("sunlit apartment")
            .setDescription("a lived-in sunlit apartment with uncluttered surfaces"))
        .addLocations(Location.newBuilder().setId("loc-2").setName("close detail"));
    for (int i = 0; i < 4; i++) {
      PlannedClip.Builder clip = PlannedClip.newBuilder().setIndex(i).setStartSeconds(4 * i)
          .setEndSeconds(4 * i + 4).setCamera(CAMERAS.get(i)).setBeatIntensity(0.3f + 0.2f * i)
          .setVisualDescription(i == 2 ? "a tight detail" : "Maya and the subject")
          .setLocationId(i == 2 ? "loc-2" : "loc-1");
      if (i != 2) {
        clip.addCharacterIds("char-1");
      }
      plan.addClips(clip);
    }
    return plan.build();
  }

  static ImageRequest request(ScenePlan plan, int clip, FrameKind kind, int variations,
      FrameSize size, long seed, Path reference, Path out) {
    return new ImageRequest(plan.getClips(clip).getVisualDescription(), plan, clip, kind,
        variations, size, seed, reference, reference == null ? List.of() : List.of(reference),
        out);
  }
}
