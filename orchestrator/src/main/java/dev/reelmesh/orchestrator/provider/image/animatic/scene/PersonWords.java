package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.Map;

/**
 * Words that name people in briefs: each gives an age group, how many figures it stands for, a
 * pose the role implies (a biker rides) and a thing it brings along (a barista's cup).
 */
final class PersonWords {
  record Role(Age age, int count, Pose pose, String prop) {}

  private static final Role ADULT = new Role(Age.ADULT, 1, null, "");
  private static final Map<String, Role> ROLES = Map.ofEntries(
      Map.entry("person", ADULT), Map.entry("man", ADULT), Map.entry("woman", ADULT),
      Map.entry("boy", child()), Map.entry("girl", child()), Map.entry("child", child()),
      Map.entry("kid", new Role(Age.CHILD, 2, null, "")),
      Map.entry("children", new Role(Age.CHILD, 2, null, "")),
      Map.entry("baby", child()), Map.entry("granddaughter", child()),
      Map.entry("grandson", child()), Map.entry("daughter", child()), Map.entry("son", child()),
      Map.entry("grandfather", elder()), Map.entry("grandmother", elder()),
      Map.entry("grandpa", elder()), Map.entry("grandma", elder()),
      Map.entry("fisherman", new Role(Age.ADULT, 1, Pose.WORKING, "fishing pole")),
      Map.entry("barista", new Role(Age.ADULT, 1, Pose.WORKING, "hot beverage")),
      Map.entry("chef", new Role(Age.ADULT, 1, Pose.WORKING, "cooking")),
      Map.entry("cook", new Role(Age.ADULT, 1, Pose.WORKING, "cooking")),
      Map.entry("baker", new Role(Age.ADULT, 1, Pose.WORKING, "bread")),
      Map.entry("astronaut", new Role(Age.ADULT, 1, Pose.WALKING, "rocket")),
      Map.entry("commuter", new Role(Age.ADULT, 1, Pose.STANDING, "")),
      Map.entry("student", new Role(Age.ADULT, 2, Pose.SITTING, "")),
      Map.entry("engineer", new Role(Age.ADULT, 2, Pose.WORKING, "")),
      Map.entry("scientist", new Role(Age.ADULT, 1, Pose.WORKING, "microscope")),
      Map.entry("couple", new Role(Age.ADULT, 2, null, "")),
      Map.entry("family", new Role(Age.ADULT, 3, null, "")),
      Map.entry("friend", new Role(Age.ADULT, 2, null, "")),
      Map.entry("team", new Role(Age.ADULT, 3, Pose.WORKING, "")),
      Map.entry("biker", new Role(Age.ADULT, 1, Pose.RIDING, "bicycle")),
      Map.entry("cyclist", new Role(Age.ADULT, 1, Pose.RIDING, "bicycle")),
      Map.entry("rider", new Role(Age.ADULT, 1, Pose.RIDING, "bicycle")),
      Map.entry("runner", new Role(Age.ADULT, 1, Pose.WALKING, "")),
      Map.entry("hiker", new Role(Age.ADULT, 1, Pose.WALKING, "")),
      Map.entry("mechanic", new Role(Age.ADULT, 1, Pose.WORKING, "wrench")),
      Map.entry("teacher", ADULT), Map.entry("doctor", ADULT), Map.entry("nurse", ADULT),
      Map.entry("farmer", ADULT), Map.entry("worker", ADULT), Map.entry("customer", ADULT),
      Map.entry("owner", ADULT), Map.entry("dancer", new Role(Age.ADULT, 1, Pose.DANCING, "")),
      Map.entry("musician", new Role(Age.ADULT, 1, Pose.WORKING, "guitar")),
      Map.entry("surfer", ADULT), Map.entry("traveller", new Role(Age.ADULT, 1, Pose.WALKING, "")),
      Map.entry("traveler", new Role(Age.ADULT, 1, Pose.WALKING, "")),
      Map.entry("tourist", new Role(Age.ADULT, 1, Pose.WALKING, "")),
      Map.entry("mother", ADULT), Map.entry("father", ADULT), Map.entry("mum", ADULT),
      Map.entry("dad", ADULT), Map.entry("parent", ADULT), Map.entry("host", ADULT),
      Map.entry("user", ADULT), Map.entry("gamer", new Role(Age.ADULT, 1, Pose.SITTING, "")));

  private PersonWords() {}

  private static Role child() {
    return new Role(Age.CHILD, 1, null, "");
  }

  private static Role elder() {
    return new Role(Age.ELDER, 1, null, "");
  }

  /** The role a singular lower-case word names, or null. */
  static Role of(String word) {
    return ROLES.get(word);
  }
}
