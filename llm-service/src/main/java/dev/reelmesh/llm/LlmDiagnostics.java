package dev.reelmesh.llm;

import dev.reelmesh.common.diagnostics.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code reelmesh doctor} reports for the LLM service. Keys are reported, never shown. */
public final class LlmDiagnostics {
  private LlmDiagnostics() {}

  public static List<Check> run(Map<String, String> env) {
    List<Check> checks = new ArrayList<>();
    String key = env.get("OPENAI_API_KEY");
    if (key == null || key.isBlank()) {
      checks.add(Check.optional("llm", "OPENAI_API_KEY",
          "not set: the offline template engine writes plans and prompts"));
    } else {
      checks.add(Check.ok("llm", "OPENAI_API_KEY", "set (value not shown)"));
    }
    String baseUrl = env.get("OPENAI_BASE_URL");
    if (baseUrl != null && !baseUrl.isBlank()) {
      checks.add(Check.ok("llm", "OPENAI_BASE_URL", baseUrl));
    }
    return checks;
  }
}
