package dev.reelmesh.orchestrator.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A prediction as the API reports it.
 *
 * @param status starting, processing, succeeded, failed or canceled
 * @param output the output file URLs (a model answers one URL or a list of them)
 */
record Prediction(String id, String status, List<String> output, String error) {
  static Prediction of(JsonNode json) {
    List<String> output = new ArrayList<>();
    JsonNode out = json.path("output");
    if (out.isTextual()) {
      output.add(out.textValue());
    } else if (out.isArray()) {
      out.forEach(o -> {
        if (o.isTextual()) {
          output.add(o.textValue());
        }
      });
    }
    JsonNode error = json.path("error");
    return new Prediction(json.path("id").asText(""), json.path("status").asText(""),
        List.copyOf(output), error.isNull() || error.isMissingNode() ? "" : error.asText());
  }

  boolean succeeded() {
    return "succeeded".equals(status);
  }

  /** Failed or canceled: re-attaching to it would not change that. */
  boolean ended() {
    return "failed".equals(status) || "canceled".equals(status);
  }
}
