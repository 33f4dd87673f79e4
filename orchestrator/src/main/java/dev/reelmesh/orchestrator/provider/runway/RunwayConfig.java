package dev.reelmesh.orchestrator.provider.runway;

import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.EnvValues;
import java.util.Map;
import java.util.Optional;

/**
 * How the orchestrator reaches Runway's API. Read from the environment at start-up, where a
 * malformed value stops the engine with the variable's name; the secret is never printed.
 *
 * @param creditsPerSecond the configured credits per second of video for {@code model},
 *     overriding the documented default
 */
public record RunwayConfig(
    Optional<String> secret,
    String baseUrl,
    String apiVersion,
    String model,
    Optional<Integer> creditsPerSecond,
    CallTimings timings) {

  public static final String SECRET_VARIABLE = "RUNWAYML_API_SECRET";
  public static final String BASE_URL_VARIABLE = "RUNWAYML_BASE_URL";
  public static final String MODEL_VARIABLE = "REELMESH_RUNWAY_VIDEO_MODEL";
  public static final String CREDITS_VARIABLE = "REELMESH_RUNWAY_CREDITS_PER_SECOND";
  /** The API version this client speaks (sent as X-Runway-Version on every call). */
  public static final String API_VERSION = "2024-11-06";

  public static RunwayConfig fromEnv(Map<String, String> env) {
    String model = EnvValues.nonBlank(env, MODEL_VARIABLE).orElse(RunwayModels.DEFAULT);
    if (!model.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException(MODEL_VARIABLE + " must be a Runway model id such as "
          + RunwayModels.DEFAULT + ", got '" + model + "'");
    }
    return new RunwayConfig(EnvValues.nonBlank(env, SECRET_VARIABLE),
        EnvValues.baseUrl(env, BASE_URL_VARIABLE, "https://api.dev.runwayml.com"), API_VERSION,
        model, EnvValues.nonBlank(env, CREDITS_VARIABLE).map(RunwayConfig::parseCredits),
        CallTimings.standard());
  }

  /** Never shows the {@code secret}: a config may end up in a log line or an exception. */
  @Override
  public String toString() {
    return "RunwayConfig[secret=" + (secret.isPresent() ? "(set)" : "(unset)") + ", baseUrl="
        + baseUrl + ", model=" + model + "]";
  }

  /** Same settings with fast retries and polls, for tests against a loopback server. */
  public RunwayConfig withFastTimings() {
    return new RunwayConfig(secret, baseUrl, apiVersion, model, creditsPerSecond,
        CallTimings.fast());
  }

  String model(String requested) {
    return requested == null || requested.isBlank() ? model : requested;
  }

  /** Credits per second held and billed for {@code id}, when configured or documented. */
  Optional<Integer> credits(String id) {
    if (id.equals(model) && creditsPerSecond.isPresent()) {
      return creditsPerSecond;
    }
    int known = RunwayModels.of(id).creditsPerSecond();
    return known > 0 ? Optional.of(known) : Optional.empty();
  }

  private static int parseCredits(String text) {
    try {
      int credits = Integer.parseInt(text.strip());
      if (credits < 1 || credits > 1000) {
        throw new NumberFormatException();
      }
      return credits;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(CREDITS_VARIABLE + " must be whole credits per second "
          + "of video in 1..1000, got '" + text + "'");
    }
  }
}
