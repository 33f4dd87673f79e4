package dev.reelmesh.llm.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline engine's words for tool results: what each call did, in one or two sentences, and
 * what the user can say next. A refused or declined call is said as such, with its reason.
 */
final class ResultWords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultWords() {}

  static String describe(List<TurnMessage> results) {
    List<String> lines = new ArrayList<>();
    for (TurnMessage result : results) {
      lines.add(result.ok() ? success(result.tool(), parse(result.text()))
          : failure(result.tool(), result.status(), parse(result.text())));
    }
    return String.join("\n", lines);
  }

  private static String failure(String tool, String status, JsonNode json) {
    String why = json.path("message").asText("");
    return switch (status) {
      case "CANCELLED" -> "I did not run " + tool + (why.isEmpty() ? "" : ": " + why)
          + "; nothing was spent.";
      case "RESOURCE_EXHAUSTED" -> "The " + tool + " was refused by the budget: " + why
          + ". Nothing was spent; a shorter video, a lower tier or the offline engines cost less.";
      default -> "The " + tool + " call failed (" + status + "): " + why;
    };
  }

  private static String success(String tool, JsonNode r) {
    String job = r.path("job_id").asText("");
    return switch (tool) {
      case "plan" -> planned(r, "Job " + r.path("job_id").asText() + " is planned");
      case "refine" -> planned(r, "Job " + r.path("job_id").asText() + "'s plan is changed by "
          + engine(r.path("engine")));
      case "estimate" -> String.format(Locale.ROOT, "That is an estimated $%.4f for %s%s.",
          r.path("estimated_usd").asDouble(), clips(r.path("clips").asInt()), r.path("within_budget")
              .asBoolean(true) ? ", within the budget" : String.format(Locale.ROOT,
              ", which would cross the budget ($%.4f left)", r.path("remaining_usd").asDouble()));
      case "submit", "approve", "regenerate" -> "Job " + job + " is "
          + r.path("state").asText("queued") + (r.has("changes") ? " with the change: "
          + join(r.path("changes")) : "") + ". Ask \"status\" to see how it is going.";
      case "status" -> status(r);
      default -> "The " + tool + " call answered: " + r;
    };
  }

  private static String engine(JsonNode engine) {
    String name = engine.path("name").asText("the planner");
    return engine.path("fallback").asBoolean() ? name + " (the LLM failed: "
        + engine.path("fallback_reason").asText() + ")" : name;
  }

  private static String planned(JsonNode r, String what) {
    StringBuilder words = new StringBuilder(what + ": "
        + clips(r.path("clips").size()) + ", waiting for your approval.");
    for (JsonNode clip : r.path("clips")) {
      words.append(String.format(Locale.ROOT, "%n  %d. %.1f s, %s: %s", clip.path("number").asInt(),
          clip.path("seconds").asDouble(), clip.path("camera").asText(),
          clip.path("visual").asText()));
    }
    return words.append("\nSay \"go\" to render it, \"make clip 2 a close-up\" to change it, "
        + "or \"how much?\".").toString();
  }

  private static String status(JsonNode r) {
    String job = r.path("job_id").asText();
    String state = r.path("state").asText();
    return switch (state) {
      case "succeeded" -> String.format(Locale.ROOT, "Job %s has finished: a %.1f s video (%s)."
          + " Say e.g. \"make clip 2 a close-up\" to redo a clip.", job,
          r.path("duration_seconds").asDouble(), r.path("video").asText());
      case "failed" -> "Job " + job + " failed: " + r.path("error").asText();
      case "awaiting_approval" -> "Job " + job + " waits for your approval of its plan: say "
          + "\"go\".";
      default -> String.format(Locale.ROOT, "Job %s is %s: %s, %.0f %%.", job,
          state.replace('_', ' '), r.path("stage").asText(), r.path("percent").asDouble());
    };
  }

  private static String clips(int n) {
    return n + (n == 1 ? " clip" : " clips");
  }

  private static String join(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(n -> items.add(n.asText()));
    return String.join("; ", items);
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
      return node == null ? JSON.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode().put("message", json);
    }
  }
}
