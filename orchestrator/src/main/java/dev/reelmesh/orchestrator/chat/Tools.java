package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.v1.ChatToolSpec;
import java.util.List;
import java.util.Set;

/**
 * The agent's tools, each one PipelineService call: their names, what they do (the LLM reads
 * this), their arguments' JSON schema, and which of them spend and so wait for the user's
 * confirmation. Clips count from 1 here, as people count.
 */
final class Tools {
  /** Tools that start paid work: run only after a ChatConfirmation. */
  static final Set<String> CONFIRMED = Set.of("submit", "approve", "regenerate");

  private static final String BRIEF = "\"brief\":{\"type\":\"string\",\"description\":\"what the"
      + " video shows, 1-4000 characters\"},\"duration_seconds\":{\"type\":\"number\","
      + "\"description\":\"length, (0, 600]; omit for the brief's own or 30\"},"
      + "\"style_preset\":{\"type\":\"string\"},\"aspect_ratio\":{\"type\":\"string\","
      + "\"enum\":[\"16:9\",\"9:16\",\"1:1\"]},\"image_provider\":{\"type\":\"string\","
      + "\"description\":\"omit for the offline animatic; e.g. openai (paid)\"},"
      + "\"video_provider\":{\"type\":\"string\",\"description\":\"omit for offline motion;"
      + " e.g. openai, replicate (paid)\"}";
  private static final String JOB = "\"job_id\":{\"type\":\"string\"}";

  static final List<ChatToolSpec> SPECS = List.of(
      spec("plan", "Start a job that plans the video and stops at its plan for review (nothing "
          + "rendered, nothing spent on media). Answers the job id and its clips.",
          "{" + BRIEF + "}", "brief"),
      spec("refine", "Change the plan of a job waiting at its plan (an instruction such as "
          + "'make clip 3 a close-up'); the job keeps waiting and nothing is rendered. Answers "
          + "the new plan's clips and the engine that made it.",
          "{" + JOB + ",\"instruction\":{\"type\":\"string\"}}", "job_id", "instruction"),
      spec("estimate", "Price a job or a brief without spending anything: the bill per stage "
          + "and provider, and whether it fits the budget.", "{" + JOB + "," + BRIEF + "}"),
      spec("submit", "Start a job that renders a new video straight through. Spends: "
          + "confirmed by the user.", "{" + BRIEF + "}", "brief"),
      spec("approve", "Render a job waiting at its plan, as planned. Spends: confirmed by the "
          + "user.", "{" + JOB + "}", "job_id"),
      spec("regenerate", "Redo chosen clips of a finished job (clips counted from 1), "
          + "optionally reworded by an instruction; only those are charged. Spends: confirmed.",
          "{" + JOB + ",\"clips\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},"
              + "\"instruction\":{\"type\":\"string\"}}", "job_id", "clips"),
      spec("status", "A job's state, stage and progress; once finished its video and cost.",
          "{" + JOB + "}", "job_id"));

  private Tools() {}

  private static ChatToolSpec spec(String name, String description, String properties,
      String... required) {
    String requiredJson = required.length == 0 ? "[]"
        : "[\"" + String.join("\",\"", required) + "\"]";
    return ChatToolSpec.newBuilder().setName(name).setDescription(description)
        .setParametersSchemaJson("{\"type\":\"object\",\"properties\":" + properties
            + ",\"required\":" + requiredJson + "}").build();
  }
}
