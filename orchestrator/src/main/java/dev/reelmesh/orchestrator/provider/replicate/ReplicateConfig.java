package dev.reelmesh.orchestrator.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.PriceSetting;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.EnvValues;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the job engine reaches a Replicate-style asynchronous video API: create a prediction, poll
 * it, download its output. Read from the environment at startup, where a malformed value stops
 * the engine with the variable's name; the token is never printed.
 *
 * @param model "owner/name" (the model's current version) or "owner/name:version"
 * @param input the prediction's input, with placeholders the provider fills per clip (see
 *     {@link ReplicateInput})
 * @param microsPerVideoSecond the price the budget guard holds and bills per second of video
 * @param priceAssumed true when no price was configured and the conservative default applies
 */
public record ReplicateConfig(
    Optional<String> token,
    String baseUrl,
    Optional<String> model,
    ObjectNode input,
    long microsPerVideoSecond,
    boolean priceAssumed,
    CallTimings timings) {

  public static final String TOKEN_VARIABLE = "REPLICATE_API_TOKEN";
  public static final String BASE_URL_VARIABLE = "REPLICATE_BASE_URL";
  public static final String MODEL_VARIABLE = "REELMESH_REPLICATE_VIDEO_MODEL";
  public static final String INPUT_VARIABLE = "REELMESH_REPLICATE_VIDEO_INPUT";
  public static final String PRICE_VARIABLE = "REELMESH_REPLICATE_VIDEO_USD_PER_SECOND";
  /** Image-to-video models commonly take these two fields; others are mapped by the operator. */
  static final String DEFAULT_INPUT = "{\"prompt\": \"{prompt}\", \"image\": \"{image}\"}";
  /** Held per second of video when no price is configured: on the high side of such models. */
  static final long DEFAULT_MICROS_PER_SECOND = 250_000;
  private static final Pattern MODEL = Pattern.compile(
      "[A-Za-z0-9][\\w.-]*/[A-Za-z0-9][\\w.-]*(:[0-9a-f]{8,})?");
  private static final ObjectMapper JSON = new ObjectMapper();

  public static ReplicateConfig fromEnv(Map<String, String> env) {
    Optional<String> model = EnvValues.nonBlank(env, MODEL_VARIABLE);
    if (model.isPresent() && !MODEL.matcher(model.get()).matches()) {
      throw new IllegalArgumentException(MODEL_VARIABLE + " must be 'owner/name' or "
          + "'owner/name:version', got '" + model.get() + "'");
    }
    ObjectNode input = parseInput(EnvValues.nonBlank(env, INPUT_VARIABLE).orElse(DEFAULT_INPUT));
    Optional<String> price = EnvValues.nonBlank(env, PRICE_VARIABLE);
    long micros = price.map(usd -> PriceSetting.microsPerSecond(PRICE_VARIABLE, usd)).orElse(DEFAULT_MICROS_PER_SECOND);
    return new ReplicateConfig(EnvValues.nonBlank(env, TOKEN_VARIABLE),
        EnvValues.baseUrl(env, BASE_URL_VARIABLE, "https://api.replicate.com/v1"),
        model, input, micros, price.isEmpty(), CallTimings.standard());
  }

  /** Same settings with fast retries and polls, for tests against a loopback server. */
  public ReplicateConfig withFastTimings() {
    return withTimings(CallTimings.fast());
  }

  public ReplicateConfig withTimings(CallTimings other) {
    return new ReplicateConfig(token, baseUrl, model, input, microsPerVideoSecond, priceAssumed,
        other);
  }

  /** Same settings for another model (a job's "replicate:owner/name"). */
  public ReplicateConfig withModel(String other) {
    return new ReplicateConfig(token, baseUrl, Optional.of(other), input, microsPerVideoSecond,
        priceAssumed, timings);
  }

  /** Whether {@code model} is "owner/name" or "owner/name:version". */
  static boolean wellFormed(String model) {
    return MODEL.matcher(model).matches();
  }

  /** Whether the input template maps {@code placeholder} ("end_image") into the request. */
  boolean maps(String placeholder) {
    return input.toString().contains("{" + placeholder + "}");
  }

  public boolean configured() {
    return token.isPresent() && model.isPresent();
  }

  /** What is missing, in words an operator acts on; empty when configured. */
  public String missing() {
    if (configured()) {
      return "";
    }
    return "provider 'replicate' needs " + (token.isEmpty() ? TOKEN_VARIABLE : "")
        + (token.isEmpty() && model.isEmpty() ? " and " : "")
        + (model.isEmpty() ? MODEL_VARIABLE + " (owner/name of an image-to-video model)" : "")
        + " set for the orchestrator; see docs/providers.md";
  }

  private static ObjectNode parseInput(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(INPUT_VARIABLE + " is not valid JSON: "
          + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(INPUT_VARIABLE + " must be a JSON object, got " + text);
    }
    ReplicateInput.checkPlaceholders(INPUT_VARIABLE, object);
    return object;
  }

  @Override
  public String toString() {
    return "ReplicateConfig[token=" + (token.isPresent() ? "set" : "missing") + ", baseUrl="
        + baseUrl + ", model=" + model.orElse("unset") + ", input=" + input + ", usd/s="
        + BigDecimal.valueOf(microsPerVideoSecond).movePointLeft(6)
        + (priceAssumed ? " (assumed)" : "") + "]";
  }
}
