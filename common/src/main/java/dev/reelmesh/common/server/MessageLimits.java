package dev.reelmesh.common.server;

import java.util.Map;

/**
 * The largest request each method accepts. Most requests are a few kilobytes of text; only the
 * methods that carry images or file chunks get room for them. A request over its limit is
 * refused before it is parsed, so a client cannot make a service build a huge message it never
 * needed.
 */
public final class MessageLimits {
  /** Text-only requests: plans, prompts, references. Generous, still far below the transport's. */
  public static final int DEFAULT_BYTES = 4 * 1024 * 1024;

  private static final Map<String, Integer> LARGER = Map.of(
      // Up to 16 inline images of at most 8 MiB each travel in one scoring call.
      "reelmesh.v1.ScoringService/ScoreImages", Transports.MAX_MESSAGE_BYTES,
      "reelmesh.v1.ScoringService/RankVariations", Transports.MAX_MESSAGE_BYTES,
      // A job spec may carry an inline reference image (at most 8 MiB).
      "reelmesh.v1.PipelineService/SubmitJob", 16 * 1024 * 1024,
      "reelmesh.v1.PipelineService/EstimateCost", 16 * 1024 * 1024,
      // One upload chunk is at most 4 MiB of data plus its metadata.
      "reelmesh.v1.MediaService/Upload", 5 * 1024 * 1024);

  private MessageLimits() {}

  /** Bytes {@code fullMethodName} ("reelmesh.v1.LlmService/PlanScript") accepts per message. */
  public static int forMethod(String fullMethodName) {
    return LARGER.getOrDefault(fullMethodName, DEFAULT_BYTES);
  }
}
