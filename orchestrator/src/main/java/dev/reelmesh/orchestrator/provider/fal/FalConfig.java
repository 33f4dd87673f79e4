package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.EnvValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the orchestrator reaches fal's queue. Read from the environment at start-up, where a
 * malformed value stops the engine with the variable's name; the key is never printed.
 *
 * @param defaultModel the endpoint a job gets when it names none
 * @param prices micro-dollars per second of video by endpoint id, overriding the documented
 *     defaults (and required for endpoints without one)
 */
public record FalConfig(
    Optional<String> key,
    String queueUrl,
    String defaultModel,
    Map<String, Long> prices,
    CallTimings timings) {

  public static final String KEY_VARIABLE = "FAL_KEY";
  public static final String QUEUE_URL_VARIABLE = "FAL_QUEUE_URL";
  public static final String MODEL_VARIABLE = "REELMESH_FAL_VIDEO_MODEL";
  public static final String PRICES_VARIABLE = "REELMESH_FAL_PRICES";

  public FalConfig {
    prices = Map.copyOf(prices);
  }

  public static FalConfig fromEnv(Map<String, String> env) {
    String model = EnvValues.nonBlank(env, MODEL_VARIABLE).orElse(FalModels.DEFAULT);
    String endpoint = FalModels.known(model).map(FalModel::endpoint).orElse(model);
    if (!FalModels.validEndpoint(endpoint)) {
      throw new IllegalArgumentException(MODEL_VARIABLE + " must be a fal endpoint id "
          + "('owner/app/path', e.g. " + FalModels.DEFAULT + ") or a known alias, got '"
          + model + "'");
    }
    return new FalConfig(EnvValues.nonBlank(env, KEY_VARIABLE),
        EnvValues.baseUrl(env, QUEUE_URL_VARIABLE, "https://queue.fal.run"), endpoint,
        prices(EnvValues.nonBlank(env, PRICES_VARIABLE).orElse("{}")), CallTimings.standard());
  }

  /** Never shows the {@code key}: a config may end up in a log line or an exception. */
  @Override
  public String toString() {
    return "FalConfig[key=" + (key.isPresent() ? "(set)" : "(unset)") + ", baseUrl=" + queueUrl
        + ", model=" + defaultModel + "]";
  }

  /** Same settings with fast retries and polls, for tests against a loopback server. */
  public FalConfig withFastTimings() {
    return new FalConfig(key, queueUrl, defaultModel, prices, CallTimings.fast());
  }

  /** The profile a job's model choice ("" = the default, an endpoint id or an alias) gets. */
  FalModel model(String requested) {
    String id = requested == null || requested.isBlank() ? defaultModel : requested;
    return FalModels.known(id).orElseGet(() -> FalModels.generic(id));
  }

  /** The price per second the budget holds and bills, when one is configured or documented. */
  Optional<Long> microsPerSecond(FalModel model) {
    Long configured = prices.get(model.endpoint());
    if (configured != null) {
      return Optional.of(configured);
    }
    return model.microsPerSecond() > 0 ? Optional.of(model.microsPerSecond()) : Optional.empty();
  }

  private static Map<String, Long> prices(String text) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(PRICES_VARIABLE + " is not valid JSON: "
          + e.getOriginalMessage());
    }
    if (!json.isObject()) {
      throw new IllegalArgumentException(PRICES_VARIABLE + " must be a JSON object of endpoint "
          + "id to US dollars per second of video, got " + text);
    }
    Map<String, Long> prices = new HashMap<>();
    json.fields().forEachRemaining(e -> {
      String endpoint = FalModels.known(e.getKey()).map(FalModel::endpoint).orElse(e.getKey());
      if (!FalModels.validEndpoint(endpoint)) {
        throw new IllegalArgumentException(PRICES_VARIABLE + ": '" + e.getKey()
            + "' is not a fal endpoint id");
      }
      prices.put(endpoint, EnvValues.usdMicros(PRICES_VARIABLE + "." + e.getKey(),
          e.getValue().asText(), 100));
    });
    return prices;
  }
}
