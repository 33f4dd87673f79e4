package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.List;

/** How a figure stands, from the verbs the brief and the clip use about it. */
public enum Pose {
  WALKING("walk", "walking", "stroll", "strolling", "racing", "running", "run", "hike", "hiking",
      "commute", "commuting", "wander", "wandering", "crossing", "rushing"),
  DANCING("dance", "dancing", "twirl", "celebrate", "celebrating", "jumping", "cheering"),
  SITTING("sit", "sitting", "seated", "relax", "relaxing", "reading", "typing", "studying"),
  CARRYING("carry", "carrying", "hauling", "lifting", "bringing", "delivering"),
  RIDING("ride", "riding", "biking", "cycling", "driving", "rides", "racing down"),
  WAVING("wave", "waving", "greeting", "hello", "welcoming"),
  WORKING("make", "making", "mend", "mending", "pour", "pouring", "test", "testing", "use",
      "uses", "using", "fix", "fixing", "repair", "repairing", "cook", "cooking", "hold",
      "holding", "track", "tracking", "knead", "brew", "brewing", "serve", "serving", "build",
      "building", "paint", "painting", "play", "playing", "open", "opening", "try", "trying",
      "hands", "holds"),
  STANDING();

  private final List<String> verbs;

  Pose(String... verbs) {
    this.verbs = List.of(verbs);
  }

  /** The first pose whose verb appears among {@code words}; STANDING when none does. */
  public static Pose from(List<String> words) {
    for (String word : words) {
      for (Pose pose : values()) {
        if (pose.verbs.contains(word)) {
          return pose;
        }
      }
    }
    return STANDING;
  }
}
