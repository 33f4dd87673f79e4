package dev.reelmesh.llm.engine.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.llm.plan.Narration;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.PlanLocation;
import dev.reelmesh.llm.plan.PlanStyle;
import dev.reelmesh.llm.plan.Refinement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the model's JSON into plans. Timing always comes from the skeleton (the model writes
 * content, the timeline owns the clock); anything structurally wrong is {@link Unusable}.
 */
final class PlanReplies {
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  private PlanReplies() {}

  /** The model's answer cannot be used; the message says why. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  static Plan plan(Plan skeleton, JsonNode root) throws Unusable {
    JsonNode clipsNode = root.path("clips");
    if (!clipsNode.isArray() || clipsNode.size() != skeleton.clips().size()) {
      throw new Unusable("expected " + skeleton.clips().size() + " clips, got " + clipsNode.size());
    }
    List<PlanCharacter> characters = new ArrayList<>();
    Set<String> charIds = new HashSet<>();
    for (JsonNode c : root.path("characters")) {
      String id = text(c, "id");
      if (id.isEmpty() || !charIds.add(id)) {
        throw new Unusable("character ids must be unique and non-empty");
      }
      characters.add(new PlanCharacter(id, text(c, "name"), text(c, "description")));
    }
    List<PlanLocation> locations = new ArrayList<>();
    Set<String> locIds = new HashSet<>();
    for (JsonNode l : root.path("locations")) {
      String id = text(l, "id");
      if (id.isEmpty() || !locIds.add(id)) {
        throw new Unusable("location ids must be unique and non-empty");
      }
      locations.add(new PlanLocation(id, text(l, "name"), text(l, "description")));
    }
    List<PlanClip> clips = new ArrayList<>();
    for (int i = 0; i < skeleton.clips().size(); i++) {
      JsonNode c = clipsNode.get(i);
      PlanClip base = skeleton.clips().get(i);
      if (c.path("index").asInt(-1) != i) {
        throw new Unusable("clip " + i + " has index " + c.path("index"));
      }
      List<String> ids = new ArrayList<>();
      for (JsonNode id : c.path("character_ids")) {
        if (!charIds.contains(id.asText())) {
          throw new Unusable("clip " + i + " names unknown character '" + id.asText() + "'");
        }
        ids.add(id.asText());
      }
      String location = text(c, "location_id");
      if (!location.isEmpty() && !locIds.contains(location)) {
        throw new Unusable("clip " + i + " names unknown location '" + location + "'");
      }
      String visual = text(c, "visual_description");
      if (visual.isEmpty()) {
        throw new Unusable("clip " + i + " has no visual description");
      }
      float beat = (float) Math.max(0, Math.min(1, c.path("beat_intensity").asDouble(base.beatIntensity())));
      String narration = Narration.fit(text(c, "narration"), Narration.maxWords(base.durationSeconds()));
      // Lyrics and the music cut belong to the timeline, like the times: the skeleton's stand.
      clips.add(new PlanClip(i, base.startSeconds(), base.endSeconds(), visual, text(c, "motion"),
          text(c, "camera"), ids, location, narration, beat, "", dev.reelmesh.llm.plan.Framing.UNSPECIFIED,
          "", false, base.lyrics(), base.cut()));
    }
    JsonNode s = root.path("style");
    List<String> palette = new ArrayList<>();
    for (JsonNode p : s.path("palette")) {
      if (HEX.matcher(p.asText()).matches()) {
        palette.add(p.asText().toUpperCase(java.util.Locale.ROOT));
      }
    }
    if (palette.size() < 3) {
      palette = skeleton.style().palette();
    }
    PlanStyle style = new PlanStyle(or(text(s, "visual_style"), skeleton.style().visualStyle()),
        or(text(s, "mood"), skeleton.style().mood()), or(text(s, "lighting"), skeleton.style().lighting()),
        or(text(s, "cinematography"), skeleton.style().cinematography()),
        palette.subList(0, Math.min(6, palette.size())), skeleton.style().preset());
    return new Plan(or(text(root, "title"), skeleton.title()), skeleton.brief(), skeleton.durationSeconds(),
        skeleton.aspectRatio(), style, clips, characters, locations, skeleton.productDescription(),
        skeleton.characterConsistency(), skeleton.seed(), skeleton.reading(),
        skeleton.clipLengths(), skeleton.clipFit());
  }

  static Refinement refine(Plan plan, JsonNode root) throws Unusable {
    List<PlanClip> clips = new ArrayList<>(plan.clips());
    PlanStyle style = plan.style();
    List<String> changes = new ArrayList<>();
    for (JsonNode ch : root.path("changes")) {
      int index = ch.path("clip_index").asInt(-2);
      String field = text(ch, "field");
      String value = text(ch, "value");
      if (index == -1) {
        switch (field) {
          case "mood" -> style = style.withMood(value);
          case "lighting" -> style = style.withLighting(value);
          default -> throw new Unusable("style field '" + field + "' cannot be changed");
        }
        changes.add("style: " + field + " → '" + value + "'");
        continue;
      }
      if (index < 0 || index >= clips.size()) {
        throw new Unusable("change names clip index " + index + " outside 0.." + (clips.size() - 1));
      }
      PlanClip c = clips.get(index);
      PlanClip changed = switch (field) {
        case "visual_description" -> c.withVisual(value);
        case "motion" -> c.withMotion(value);
        case "camera" -> c.withCamera(value);
        case "narration" -> c.withNarration(Narration.fit(value, Narration.maxWords(c.durationSeconds())));
        case "beat_intensity" -> c.withBeatIntensity(parseBeat(value));
        default -> throw new Unusable("clip field '" + field + "' cannot be changed");
      };
      clips.set(index, changed);
      changes.add("clip " + (index + 1) + " (index " + index + "): " + field + " → '" + value + "'");
    }
    if (changes.isEmpty()) {
      throw new Unusable("the model proposed no change");
    }
    return new Refinement(plan.withClips(clips).withStyle(style), changes);
  }

  private static float parseBeat(String value) throws Unusable {
    try {
      float v = Float.parseFloat(value);
      if (v < 0 || v > 1) {
        throw new Unusable("beat_intensity " + value + " outside [0, 1]");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new Unusable("beat_intensity '" + value + "' is not a number");
    }
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("").strip();
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }
}
