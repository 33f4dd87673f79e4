package dev.reelmesh.llm;

import dev.reelmesh.llm.engine.openai.PriceTable;
import java.math.BigDecimal;
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
 * OPENAI_BASE_URL (any OpenAI-compatible server: vLLM, Ollama, LM Studio), REELMESH_LLM_MODEL,
 * REELMESH_LLM_PRICE (dollars per million input/output tokens, "0.15/0.60"; "0/0" for a free local
 * server; unset = the price table, which prices unknown models as the dearest listed) and
 * REELMESH_REPO_ROOTS.
 */
public record LlmConfig(
    Optional<String> apiKey,
    Optional<String> baseUrl,
    String model,
    Duration timeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    List<Path> repositoryRoots,
    Optional<PriceTable.Price> declaredPrice) {

  public static final String DEFAULT_MODEL = "gpt-4o";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  public static LlmConfig fromEnv(Map<String, String> env) {
    return new LlmConfig(nonBlank(env.get("OPENAI_API_KEY")), nonBlank(env.get("OPENAI_BASE_URL")),
        nonBlank(env.get("REELMESH_LLM_MODEL")).orElse(DEFAULT_MODEL), DEFAULT_TIMEOUT, 3,
        Duration.ofSeconds(2), Duration.ofSeconds(16),
        roots(env.get("REELMESH_REPO_ROOTS")), price(env.get("REELMESH_LLM_PRICE")));
  }

  public boolean llmConfigured() {
    return apiKey.isPresent();
  }

  /** Same configuration with other retry delays (tests keep them short). */
  public LlmConfig withBackoff(Duration base, Duration max) {
    return new LlmConfig(apiKey, baseUrl, model, timeout, maxAttempts, base, max, repositoryRoots, declaredPrice);
  }

  public LlmConfig withTimeout(Duration value) {
    return new LlmConfig(apiKey, baseUrl, model, value, maxAttempts, backoffBase, backoffMax, repositoryRoots, declaredPrice);
  }

  @Override
  public String toString() {
    // Never print the key.
    return "LlmConfig[apiKey=" + (apiKey.isPresent() ? "set" : "unset") + ", baseUrl="
        + baseUrl.orElse("(default)") + ", model=" + model + "]";
  }

  /** REELMESH_REPO_ROOTS: directories DraftRepositoryBrief may read (path-separator list); unset = none. */
  private static List<Path> roots(String value) {
    return value == null || value.isBlank() ? List.of()
        : Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }

  /** The price of this model's tokens: the declared one, else the table's. */
  public PriceTable.Price price() {
    return PriceTable.of(model, declaredPrice);
  }

  /** "IN/OUT" dollars per million tokens → micro-dollars per 1,000 tokens. */
  private static Optional<PriceTable.Price> price(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String[] parts = value.strip().split("/");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException("two numbers expected");
      }
      long in = new BigDecimal(parts[0].strip()).movePointRight(3).longValueExact();
      long out = new BigDecimal(parts[1].strip()).movePointRight(3).longValueExact();
      if (in < 0 || out < 0) {
        throw new NumberFormatException("negative price");
      }
      return Optional.of(new PriceTable.Price(in, out, "REELMESH_LLM_PRICE"));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("REELMESH_LLM_PRICE must be 'INPUT/OUTPUT' dollars per million tokens"
          + " with at most 3 decimals (e.g. 0.15/0.60, or 0/0 for a free local server), got '" + value + "'");
    }
  }

  private static Optional<String> nonBlank(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
