package dev.reelmesh.llm.plan;

import java.util.List;
import java.util.Optional;

/**
 * A brief turned into timed clips with one global style (the domain side of ScenePlan).
 * {@code clipLengths} are the lengths it was cut to ({@link ClipLengths#ANY}: any) and
 * {@code clipFit} what that fit did when the duration is not a sum of them ("" otherwise).
 */
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
    PlanReading reading,
    ClipLengths clipLengths,
    String clipFit) {

  public Plan {
    clips = List.copyOf(clips);
    characters = List.copyOf(characters);
    locations = List.copyOf(locations);
    reading = reading == null ? PlanReading.NONE : reading;
    clipLengths = clipLengths == null ? ClipLengths.ANY : clipLengths;
    clipFit = clipFit == null ? "" : clipFit;
  }

  /** A plan cut to any lengths. */
  public Plan(String title, String brief, double durationSeconds, String aspectRatio, PlanStyle style,
      List<PlanClip> clips, List<PlanCharacter> characters, List<PlanLocation> locations,
      String productDescription, boolean characterConsistency, long seed, PlanReading reading) {
    this(title, brief, durationSeconds, aspectRatio, style, clips, characters, locations,
        productDescription, characterConsistency, seed, reading, ClipLengths.ANY, "");
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
        locations, productDescription, characterConsistency, seed, reading, clipLengths, clipFit);
  }

  public Plan withStyle(PlanStyle newStyle) {
    return new Plan(title, brief, durationSeconds, aspectRatio, newStyle, clips, characters,
        locations, productDescription, characterConsistency, seed, reading, clipLengths, clipFit);
  }

  public Plan withReading(PlanReading value) {
    return new Plan(title, brief, durationSeconds, aspectRatio, style, clips, characters,
        locations, productDescription, characterConsistency, seed, value, clipLengths, clipFit);
  }
}
