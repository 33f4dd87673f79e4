package dev.reelmesh.llm;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.llm.engine.openai.PriceTable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code reelmesh doctor} reports for the LLM service. Keys are reported, never shown. */
public final class LlmDiagnostics {
  private LlmDiagnostics() {}

  public static List<Check> run(Map<String, String> env) {
    List<Check> checks = new ArrayList<>();
    LlmConfig config;
    try {
      config = LlmConfig.fromEnv(env);
    } catch (IllegalArgumentException e) {
      checks.add(Check.fail("llm", "REELMESH_LLM_PRICE", e.getMessage()));
      config = LlmConfig.fromEnv(withoutPrice(env));
    }
    if (!config.llmConfigured()) {
      checks.add(Check.optional("llm", "OPENAI_API_KEY",
          "not set: the offline template engine writes plans and prompts"));
    } else {
      checks.add(Check.ok("llm", "OPENAI_API_KEY", "set (value not shown): openai engine, model "
          + config.model() + "; a failed call falls back to offline-template and says so"));
    }
    config.baseUrl().ifPresent(url -> checks.add(baseUrlCheck(url)));
    if (config.llmConfigured() && (config.declaredPrice().isPresent() || !PriceTable.known(config.model()))) {
      PriceTable.Price p = config.price();
      checks.add(Check.ok("llm", "REELMESH_LLM_PRICE", String.format(java.util.Locale.ROOT,
          "%s priced at $%.3f / $%.3f per million input / output tokens (%s)", config.model(),
          p.inputMicrosPer1k() / 1e3, p.outputMicrosPer1k() / 1e3, p.source())));
    }
    if (!config.repositoryRoots().isEmpty()) {
      checks.add(Check.ok("llm", "REELMESH_REPO_ROOTS", "repository briefs limited to " + config.repositoryRoots()));
    }
    return checks;
  }

  private static Map<String, String> withoutPrice(Map<String, String> env) {
    Map<String, String> copy = new java.util.HashMap<>(env);
    copy.remove("REELMESH_LLM_PRICE");
    return copy;
  }

  /** Shows where the LLM lives without any credentials embedded in the URL. */
  private static Check baseUrlCheck(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
        return Check.fail("llm", "OPENAI_BASE_URL", "not an http(s) URL with a host; LLM calls will fail");
      }
      String shown = scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
          + (uri.getPath() == null ? "" : uri.getPath());
      return Check.ok("llm", "OPENAI_BASE_URL", shown);
    } catch (Exception e) {
      return Check.fail("llm", "OPENAI_BASE_URL", "not a valid URL; LLM calls will fail");
    }
  }
}
