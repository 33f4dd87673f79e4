package dev.reelmesh.llm.plan;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ScenePlan invariants every RPC that takes a plan checks: at least one clip, indices 0..n-1,
 * end > start, no overlaps, clips tiling [0, duration], and a plan cut to allowed clip lengths
 * keeping them. Messages name the offending field.
 */
public final class PlanInvariants {
  /** Tolerance for float seconds coming over the wire. */
  static final double EPSILON = 1e-3;
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  private PlanInvariants() {}

  public static void check(Plan plan, String field) {
    PlanRequest.checkDuration(field + ".duration_seconds", plan.durationSeconds());
    if (plan.clips().isEmpty()) {
      throw invalid(field + ".clips", "the plan has zero clips; a plan needs at least one");
    }
    Set<String> characterIds = new HashSet<>();
    for (PlanCharacter c : plan.characters()) {
      characterIds.add(c.id());
    }
    Set<String> locationIds = new HashSet<>();
    for (PlanLocation l : plan.locations()) {
      locationIds.add(l.id());
    }
    double previousEnd = 0;
    for (int i = 0; i < plan.clips().size(); i++) {
      PlanClip clip = plan.clips().get(i);
      String f = field + ".clips[" + i + "]";
      if (clip.index() != i) {
        throw invalid(f + ".index", "indices must be 0..n-1 in order; expected " + i + ", got " + clip.index());
      }
      if (!(clip.endSeconds() > clip.startSeconds())) {
        throw invalid(f + ".end_seconds", "must be greater than start_seconds ("
            + clip.startSeconds() + "), got " + clip.endSeconds());
      }
      if (clip.startSeconds() < previousEnd - EPSILON) {
        throw invalid(f + ".start_seconds", "overlaps the previous clip, which ends at "
            + previousEnd + ", got " + clip.startSeconds());
      }
      if (clip.startSeconds() > previousEnd + EPSILON) {
        throw invalid(f + ".start_seconds", "leaves a gap after " + previousEnd
            + " s; clips must tile the duration, got " + clip.startSeconds());
      }
      for (String id : clip.characterIds()) {
        if (!characterIds.contains(id)) {
          throw invalid(f + ".character_ids", "unknown character id '" + id + "'");
        }
      }
      if (!clip.locationId().isEmpty() && !locationIds.contains(clip.locationId())) {
        throw invalid(f + ".location_id", "unknown location id '" + clip.locationId() + "'");
      }
      if (!(clip.beatIntensity() >= 0 && clip.beatIntensity() <= 1)) {
        throw invalid(f + ".beat_intensity", "must be in [0, 1], got " + clip.beatIntensity());
      }
      previousEnd = clip.endSeconds();
    }
    if (Math.abs(previousEnd - plan.durationSeconds()) > EPSILON) {
      throw invalid(field + ".clips", "must tile the duration " + plan.durationSeconds()
          + " s; the last clip ends at " + previousEnd);
    }
    if (!plan.clipLengths().any()) {
      plan.clipLengths().check(plan.clips(), field);
    }
    for (int i = 0; i < plan.style().palette().size(); i++) {
      String hex = plan.style().palette().get(i);
      if (!HEX.matcher(hex).matches()) {
        throw invalid(field + ".style.palette[" + i + "]", "must be a \"#RRGGBB\" hex colour, got '" + hex + "'");
      }
    }
  }
}
