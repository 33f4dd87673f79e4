package dev.reelmesh.orchestrator.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.v1.FrameKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The animatic painter draws a labelled box when no pictogram matches the brief's subject, and
 * says so in the frame's scene JSON ({@code clipNN-start.scene.json}: subject.placeholder). The
 * job turns that into a warning event, once per subject noun, so the user learns it from the
 * stream and the report rather than from a log.
 */
final class PlaceholderSubjects {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlaceholderSubjects() {}

  /** @param outDir the folder the image provider wrote the frame's variations into */
  static void check(JobContext ctx, int clip, FrameKind kind, Path outDir) {
    // The animatic engine's file name for a frame's scene graphs; other engines write none.
    Path scene = outDir.resolve(String.format("clip%02d-%s.scene.json", clip,
        EnhancementTraces.role(kind)));
    if (!Files.isRegularFile(scene)) {
      return;
    }
    JsonNode subject;
    try {
      subject = JSON.readTree(scene.toFile()).path("subject");
    } catch (IOException e) {
      ctx.warn("scene_json_unreadable", "clip " + (clip + 1)
          + " " + EnhancementTraces.role(kind) + ": its scene JSON is unreadable ("
          + e.getMessage() + ")");
      return;
    }
    if (!subject.path("placeholder").asBoolean(false)) {
      return;
    }
    String noun = subject.path("noun").asText("");
    // One warning per subject and job: every frame of a job shares its subject. Step keys are
    // plain names, so the noun (any text) goes in as its hash.
    String key = "placeholder-warned-" + Integer.toHexString(
        noun.toLowerCase(java.util.Locale.ROOT).hashCode());
    if (ctx.memo().find(key, com.google.protobuf.Empty.parser()) != null) {
      return;
    }
    ctx.memo().put(key, com.google.protobuf.Empty.getDefaultInstance());
    ctx.warn("placeholder_subject", String.format(
        "clip %d %s: no pictogram matches the subject \"%s\"; the animatic draws a labelled "
            + "placeholder box for it (a reference image or a paid image provider shows the "
            + "real thing)", clip + 1, EnhancementTraces.role(kind), noun));
  }
}
