package dev.reelmesh.llm.plan;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.plan.music.Lyric;
import dev.reelmesh.llm.plan.music.MusicGrid;
import java.util.List;

/** What PlanScript asks for, already checked: build it with {@link #validated}. */
public record PlanRequest(
    String brief,
    double durationSeconds,
    String aspectRatio,
    String stylePreset,
    String productDescription,
    boolean characterConsistency,
    long seed,
    double preferredClipSeconds,
    VideoFamily targetModel,
    MusicGrid music,
    List<Lyric> lyrics,
    ClipLengths clipLengths) {

  public static final int MAX_BRIEF_CHARS = 4_000;

  public PlanRequest {
    music = music == null ? MusicGrid.NONE : music;
    lyrics = lyrics == null ? List.of() : List.copyOf(lyrics);
    clipLengths = clipLengths == null ? ClipLengths.ANY : clipLengths;
  }

  /** The same request cut to {@code grid} with {@code lines} of lyrics (both already validated). */
  public PlanRequest withMusic(MusicGrid grid, List<Lyric> lines) {
    return new PlanRequest(brief, durationSeconds, aspectRatio, stylePreset, productDescription,
        characterConsistency, seed, preferredClipSeconds, targetModel, grid, lines, clipLengths);
  }

  /** The same request cut to the video model's {@code lengths} (already validated). */
  public PlanRequest withClipLengths(ClipLengths lengths) {
    return new PlanRequest(brief, durationSeconds, aspectRatio, stylePreset, productDescription,
        characterConsistency, seed, preferredClipSeconds, targetModel, music, lyrics, lengths);
  }
  public static final double MAX_DURATION_SECONDS = 600;

  /** Checks every field and answers INVALID_ARGUMENT naming the first bad one. */
  public static PlanRequest validated(
      String brief,
      double durationSeconds,
      String aspectRatio,
      String stylePreset,
      String productDescription,
      boolean characterConsistency,
      long seed,
      double preferredClipSeconds,
      VideoFamily targetModel) {
    if (brief == null || brief.isBlank()) {
      throw invalid("brief", "must not be empty or whitespace; describe what the video is about");
    }
    if (brief.length() > MAX_BRIEF_CHARS) {
      throw invalid("brief", "must be at most 4,000 characters, got " + brief.length());
    }
    checkDuration("duration_seconds", durationSeconds);
    if (preferredClipSeconds != 0
        && (!Double.isFinite(preferredClipSeconds)
            || preferredClipSeconds < Timeline.MIN_CLIP_SECONDS
            || preferredClipSeconds > Timeline.MAX_CLIP_SECONDS)) {
      throw invalid("preferred_clip_seconds",
          "must be 0 (engine's choice) or in [2, 12], got " + preferredClipSeconds);
    }
    String preset = stylePreset == null ? "" : stylePreset.strip().toLowerCase(java.util.Locale.ROOT);
    if (preset.length() > 64) {
      throw invalid("style_preset", "must be at most 64 characters, got " + preset.length());
    }
    String product = productDescription == null ? "" : productDescription.strip();
    if (product.length() > 1_000) {
      throw invalid("product_description", "must be at most 1,000 characters, got " + product.length());
    }
    return new PlanRequest(brief.strip(), durationSeconds, aspectRatio, preset, product,
        characterConsistency, seed, preferredClipSeconds, targetModel, MusicGrid.NONE, List.of(),
        ClipLengths.ANY);
  }

  static void checkDuration(String field, double seconds) {
    if (!Double.isFinite(seconds) || seconds <= 0 || seconds > MAX_DURATION_SECONDS) {
      throw invalid(field, "must be in (0, 600] seconds, got " + seconds);
    }
  }

  /** The seed the offline planner uses: the caller's, or one derived from the request. */
  public long effectiveSeed() {
    if (seed != 0) {
      return seed;
    }
    String key = String.join("\u0000", brief, Double.toString(durationSeconds), aspectRatio,
        stylePreset, productDescription, Boolean.toString(characterConsistency),
        Double.toString(preferredClipSeconds), targetModel.name());
    long h = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode mixing
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }
}
