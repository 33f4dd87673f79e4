package dev.reelmesh.orchestrator.provider.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The human message in a provider's error body, whichever shape it uses: Google's
 * {@code {error: {message}}}, Runway's {@code {error}}, fal's and FastAPI's {@code {detail}}
 * (a string, or a list of {@code {msg}}), or a plain {@code {message}} / {@code {title}}.
 */
public final class ProviderWords {
  private ProviderWords() {}

  public static String of(JsonNode json) {
    if (json == null || !json.isObject()) {
      return "";
    }
    JsonNode error = json.path("error");
    if (error.isObject() && error.path("message").isTextual()) {
      return error.path("message").asText();
    }
    if (error.isTextual()) {
      return error.asText();
    }
    JsonNode detail = json.path("detail");
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray()) {
      List<String> messages = new ArrayList<>();
      detail.forEach(d -> messages.add(d.path("msg").asText(d.toString())));
      return String.join("; ", messages);
    }
    return json.path("message").asText(json.path("title").asText(""));
  }
}
