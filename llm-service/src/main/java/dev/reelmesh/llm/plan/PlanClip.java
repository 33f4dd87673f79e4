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
    float beatIntensity,
    String action,
    Framing framing,
    String beat,
    boolean subjectInFrame,
    String lyrics,
    String cut) {

  public PlanClip {
    characterIds = List.copyOf(characterIds);
    framing = framing == null ? Framing.UNSPECIFIED : framing;
  }

  /** A clip without the painter's fields (action, framing, beat, subject in frame). */
  public PlanClip(int index, double startSeconds, double endSeconds, String visualDescription,
      String motion, String camera, List<String> characterIds, String locationId, String narration,
      float beatIntensity) {
    this(index, startSeconds, endSeconds, visualDescription, motion, camera, characterIds,
        locationId, narration, beatIntensity, "", Framing.UNSPECIFIED, "", false, "", "");
  }

  public double durationSeconds() {
    return endSeconds - startSeconds;
  }

  public PlanClip withFraming(Framing value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, camera,
        characterIds, locationId, narration, beatIntensity, action, value, beat, subjectInFrame, lyrics, cut);
  }

  public PlanClip withCamera(String value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, value,
        characterIds, locationId, narration, beatIntensity, action, framing, beat, subjectInFrame, lyrics, cut);
  }

  public PlanClip withNarration(String value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, camera,
        characterIds, locationId, value, beatIntensity, action, framing, beat, subjectInFrame, lyrics, cut);
  }

  public PlanClip withMotion(String value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, value, camera,
        characterIds, locationId, narration, beatIntensity, action, framing, beat, subjectInFrame, lyrics, cut);
  }

  public PlanClip withVisual(String value) {
    return new PlanClip(index, startSeconds, endSeconds, value, motion, camera,
        characterIds, locationId, narration, beatIntensity, action, framing, beat, subjectInFrame, lyrics, cut);
  }

  public PlanClip withBeatIntensity(float value) {
    return new PlanClip(index, startSeconds, endSeconds, visualDescription, motion, camera,
        characterIds, locationId, narration, value, action, framing, beat, subjectInFrame, lyrics, cut);
  }
}
