package dev.reelmesh.llm.plan;

import java.util.List;
import java.util.Optional;

/** A brief turned into timed clips with one global style (the domain side of ScenePlan). */
public record Plan(
    String title,
    String brief,
    double durationSeconds,
    String aspectRatio,
    PlanStyle style,
    List<PlanClip> clips,
    List<PlanCharacter> characters,
    List<PlanLocation> locations,
    String productDescription,
    boolean characterConsistency,
    long seed,
    PlanReading reading) {

  public Plan {
    clips = List.copyOf(clips);
    characters = List.copyOf(characters);
    locations = List.copyOf(locations);
    reading = reading == null ? PlanReading.NONE : reading;
  }

  /** A plan without a brief reading (an LLM's before the skeleton's reading is attached). */
  public Plan(String title, String brief, double durationSeconds, String aspectRatio, PlanStyle style,
      List<PlanClip> clips, List<PlanCharacter> characters, List<PlanLocation> locations,
      String productDescription, boolean characterConsistency, long seed) {
    this(title, brief, durationSeconds, aspectRatio, style, clips, characters, locations,
        productDescription, characterConsistency, seed, PlanReading.NONE);
  }

  public Optional<PlanCharacter> character(String id) {
    return characters.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<PlanLocation> location(String id) {
    return locations.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  public Plan withClips(List<PlanClip> newClips) {
    return new Plan(title, brief, durationSeconds, aspectRatio, style, newClips, characters,
        locations, productDescription, characterConsistency, seed, reading);
  }

  public Plan withStyle(PlanStyle newStyle) {
    return new Plan(title, brief, durationSeconds, aspectRatio, newStyle, clips, characters,
        locations, productDescription, characterConsistency, seed, reading);
  }

  public Plan withReading(PlanReading value) {
    return new Plan(title, brief, durationSeconds, aspectRatio, style, clips, characters,
        locations, productDescription, characterConsistency, seed, value);
  }
}
