package dev.reelmesh.orchestrator.provider.gemini;

import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.EnvValues;
import java.util.Map;
import java.util.Optional;

/**
 * How the orchestrator reaches the Gemini API's video generation. Read from the environment at
 * start-up, where a malformed value stops the engine with the variable's name; the key is never
 * printed.
 *
 * @param microsPerSecond the configured price per second for {@code model}, overriding the
 *     documented default; empty to use it
 */
public record GeminiConfig(
    Optional<String> key,
    String baseUrl,
    String model,
    Optional<Long> microsPerSecond,
    CallTimings timings) {

  public static final String KEY_VARIABLE = "GEMINI_API_KEY";
  public static final String BASE_URL_VARIABLE = "GEMINI_BASE_URL";
  public static final String MODEL_VARIABLE = "REELMESH_GEMINI_VIDEO_MODEL";
  public static final String PRICE_VARIABLE = "REELMESH_GEMINI_VIDEO_USD_PER_SECOND";

  public static GeminiConfig fromEnv(Map<String, String> env) {
    String model = EnvValues.nonBlank(env, MODEL_VARIABLE).orElse(VeoModels.DEFAULT);
    if (!model.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException(MODEL_VARIABLE + " must be a model id such as "
          + VeoModels.DEFAULT + ", got '" + model + "'");
    }
    return new GeminiConfig(EnvValues.nonBlank(env, KEY_VARIABLE),
        EnvValues.baseUrl(env, BASE_URL_VARIABLE, "https://generativelanguage.googleapis.com"),
        model, EnvValues.nonBlank(env, PRICE_VARIABLE)
            .map(usd -> EnvValues.usdMicros(PRICE_VARIABLE, usd, 100)),
        CallTimings.standard());
  }

  /** Never shows the {@code key}: a config may end up in a log line or an exception. */
  @Override
  public String toString() {
    return "GeminiConfig[key=" + (key.isPresent() ? "(set)" : "(unset)") + ", baseUrl=" + baseUrl
        + ", model=" + model + "]";
  }

  /** Same settings with fast retries and polls, for tests against a loopback server. */
  public GeminiConfig withFastTimings() {
    return new GeminiConfig(key, baseUrl, model, microsPerSecond, CallTimings.fast());
  }

  /** The model a job's choice gets ("" = the configured one). */
  String model(String requested) {
    return requested == null || requested.isBlank() ? model : requested;
  }

  /** The price per second held and billed for {@code id}, when configured or documented. */
  Optional<Long> price(String id) {
    if (id.equals(model) && microsPerSecond.isPresent()) {
      return microsPerSecond;
    }
    long known = VeoModels.of(id).microsPerSecond();
    return known > 0 ? Optional.of(known) : Optional.empty();
  }
}
