package dev.reelmesh.orchestrator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.JobSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool call's JSON arguments, read into pipeline requests. A missing or malformed argument is
 * INVALID_ARGUMENT naming it ("arguments.job_id: …"), which comes back as the call's result.
 */
final class ToolArguments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode args;

  ToolArguments(String json) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
    } catch (IOException e) {
      throw Statuses.invalid("arguments", "not JSON: " + e.getMessage());
    }
    if (parsed == null || !parsed.isObject()) {
      throw Statuses.invalid("arguments", "must be a JSON object");
    }
    this.args = parsed;
  }

  boolean has(String name) {
    return args.hasNonNull(name) && !args.path(name).asText().isBlank();
  }

  String text(String name) {
    if (!has(name)) {
      throw Statuses.invalid("arguments." + name, "is required");
    }
    return args.path(name).asText().strip();
  }

  String optionalText(String name) {
    return has(name) ? args.path(name).asText().strip() : "";
  }

  /** Clip numbers as people count them (from 1) → the API's indices (from 0). */
  List<Integer> clipIndices(String name) {
    JsonNode clips = args.path(name);
    if (!clips.isArray() || clips.isEmpty()) {
      throw Statuses.invalid("arguments." + name, "name at least one clip, counted from 1");
    }
    List<Integer> indices = new ArrayList<>();
    for (JsonNode n : clips) {
      if (!n.canConvertToInt() || n.asInt() < 1) {
        throw Statuses.invalid("arguments." + name, "clips count from 1, got " + n);
      }
      indices.add(n.asInt() - 1);
    }
    return indices;
  }

  /** The job a brief describes; the pipeline checks it as it checks every submitted spec. */
  JobSpec.Builder spec() {
    JobSpec.Builder spec = JobSpec.newBuilder().setBrief(text("brief"));
    JsonNode seconds = args.path("duration_seconds");
    if (!seconds.isMissingNode() && !seconds.isNull()) {
      if (!seconds.isNumber()) {
        throw Statuses.invalid("arguments.duration_seconds", "must be a number, got " + seconds);
      }
      spec.setDurationSeconds(seconds.asDouble());
    }
    spec.setStylePreset(optionalText("style_preset"));
    spec.setAspectRatio(switch (optionalText("aspect_ratio")) {
      case "" -> AspectRatio.ASPECT_RATIO_UNSPECIFIED;
      case "16:9" -> AspectRatio.ASPECT_RATIO_16_9;
      case "9:16" -> AspectRatio.ASPECT_RATIO_9_16;
      case "1:1" -> AspectRatio.ASPECT_RATIO_1_1;
      default -> throw Statuses.invalid("arguments.aspect_ratio", "must be 16:9, 9:16 or 1:1, "
          + "got '" + optionalText("aspect_ratio") + "'");
    });
    // Unknown or unconfigured providers are the pipeline's to refuse, with the names it knows.
    spec.getProvidersBuilder().setImage(optionalText("image_provider"))
        .setVideo(optionalText("video_provider"));
    return spec;
  }
}
