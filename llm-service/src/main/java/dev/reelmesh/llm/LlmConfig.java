package dev.reelmesh.llm;

import java.time.Duration;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the llm-service reaches an LLM. No key → the offline engine. Built from an environment map
 * so tests can point the real client at a fake server; {@link #fromEnv} reads OPENAI_API_KEY,
 * OPENAI_BASE_URL (any OpenAI-compatible server: vLLM, Ollama, LM Studio), REELMESH_LLM_MODEL
 * and REELMESH_REPO_ROOTS.
 */
public record LlmConfig(
    Optional<String> apiKey,
    Optional<String> baseUrl,
    String model,
    Duration timeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    List<Path> repositoryRoots) {

  public static final String DEFAULT_MODEL = "gpt-4o";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  public static LlmConfig fromEnv(Map<String, String> env) {
    return new LlmConfig(nonBlank(env.get("OPENAI_API_KEY")), nonBlank(env.get("OPENAI_BASE_URL")),
        nonBlank(env.get("REELMESH_LLM_MODEL")).orElse(DEFAULT_MODEL), DEFAULT_TIMEOUT, 3,
        Duration.ofSeconds(2), Duration.ofSeconds(16),
        roots(env.get("REELMESH_REPO_ROOTS")));
  }

  public boolean llmConfigured() {
    return apiKey.isPresent();
  }

  /** Same configuration with other retry delays (tests keep them short). */
  public LlmConfig withBackoff(Duration base, Duration max) {
    return new LlmConfig(apiKey, baseUrl, model, timeout, maxAttempts, base, max, repositoryRoots);
  }

  public LlmConfig withTimeout(Duration value) {
    return new LlmConfig(apiKey, baseUrl, model, value, maxAttempts, backoffBase, backoffMax, repositoryRoots);
  }

  @Override
  public String toString() {
    // Never print the key.
    return "LlmConfig[apiKey=" + (apiKey.isPresent() ? "set" : "unset") + ", baseUrl="
        + baseUrl.orElse("(default)") + ", model=" + model + "]";
  }

  /** REELMESH_REPO_ROOTS: directories DraftRepositoryBrief may read (path-separator list); unset = any. */
  private static List<Path> roots(String value) {
    return value == null || value.isBlank() ? List.of()
        : Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }

  private static Optional<String> nonBlank(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
