package dev.reelmesh.llm.plan;

import java.util.List;

/** One timed clip of a plan. Times are seconds from the start of the video. */
public record PlanClip(
    int index,
    double startSeconds,
    double endSeconds,
    String visualDescription,
    String motion,
    String camera,
    List<String> characterIds,
    String locationId,
    String narration,
    float beatIntensity) {

  public PlanClip {
    characterIds = List.copyOf(characterIds);
  }

  public double durationSeconds() {
    return endSeconds - startSeconds;
  }

  public PlanClip withCamera(String value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, value,
        characterIds, locationId, narration, beatIntensity);
  }

  public PlanClip withNarration(String value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, camera,
        characterIds, locationId, value, beatIntensity);
  }

  public PlanClip withMotion(String value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, value, camera,
        characterIds, locationId, narration, beatIntensity);
  }

  public PlanClip withVisual(String value) {
    return new PlanClip(index, startSeconds, endSeconds, value, motion, camera,
        characterIds, locationId, narration, beatIntensity);
  }

  public PlanClip withBeatIntensity(float value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, camera,
        characterIds, locationId, narration, value);
  }
}
