package dev.reelmesh.llm.clipprompt;

/** Beat intensity in three bands; it shapes motion wording and the defaults for missing fields. */
enum BeatLevel {
  LOW("static camera, slow subtle movement", "slow, gentle"),
  MEDIUM("smooth tracking shot", "smooth, steady"),
  HIGH("dynamic tracking shot, handheld camera", "fast, energetic");

  final String defaultMovement;
  final String motionAdverb;

  BeatLevel(String defaultMovement, String motionAdverb) {
    this.defaultMovement = defaultMovement;
    this.motionAdverb = motionAdverb;
  }

  static BeatLevel of(float intensity) {
    return intensity < 0.34f ? LOW : intensity < 0.67f ? MEDIUM : HIGH;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
