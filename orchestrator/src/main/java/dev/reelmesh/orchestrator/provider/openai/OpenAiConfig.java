package dev.reelmesh.orchestrator.provider.openai;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the job engine reaches OpenAI (or any OpenAI-compatible server) for images, speech and
 * Sora videos. Built from an environment map so tests pass a fake server's URL; the key is never
 * printed ({@link #toString()} redacts it).
 *
 * @param maxAttempts attempts per call for transient errors (429, 5xx, I/O, timeouts)
 * @param pollInitial first wait between Sora status polls; doubles up to {@code pollMax}
 * @param pollTimeout how long one video may take before the step fails DEADLINE_EXCEEDED
 */
public record OpenAiConfig(
    Optional<String> apiKey,
    Optional<String> baseUrl,
    String imageModel,
    String imageQuality,
    String speechModel,
    String voice,
    String videoModel,
    Duration timeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration pollInitial,
    Duration pollMax,
    Duration pollTimeout) {

  public static final String KEY_VARIABLE = "OPENAI_API_KEY";

  /**
   * Reads OPENAI_API_KEY, OPENAI_BASE_URL and the REELMESH_OPENAI_* overrides (IMAGE_MODEL,
   * IMAGE_QUALITY, TTS_MODEL, VOICE, VIDEO_MODEL).
   */
  public static OpenAiConfig fromEnv(Map<String, String> env) {
    return new OpenAiConfig(
        nonBlank(env.get(KEY_VARIABLE)),
        nonBlank(env.get("OPENAI_BASE_URL")),
        nonBlank(env.get("REELMESH_OPENAI_IMAGE_MODEL")).orElse("gpt-image-1"),
        nonBlank(env.get("REELMESH_OPENAI_IMAGE_QUALITY")).orElse("medium"),
        nonBlank(env.get("REELMESH_OPENAI_TTS_MODEL")).orElse("gpt-4o-mini-tts"),
        nonBlank(env.get("REELMESH_OPENAI_VOICE")).orElse("alloy"),
        nonBlank(env.get("REELMESH_OPENAI_VIDEO_MODEL")).orElse("sora-2"),
        Duration.ofSeconds(120), 6, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(20));
  }

  /** Same settings with fast retries and polls, for tests against a loopback server. */
  public OpenAiConfig withFastTimings() {
    return new OpenAiConfig(apiKey, baseUrl, imageModel, imageQuality, speechModel, voice,
        videoModel, Duration.ofSeconds(20), maxAttempts, Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(100),
        Duration.ofSeconds(60));
  }

  /** Same settings with another number of attempts per call. */
  public OpenAiConfig withMaxAttempts(int attempts) {
    return new OpenAiConfig(apiKey, baseUrl, imageModel, imageQuality, speechModel, voice,
        videoModel, timeout, attempts, backoffBase, backoffMax, pollInitial, pollMax,
        pollTimeout);
  }

  /** Same settings with another image model (a job's "openai:gpt-image-1-mini"). */
  public OpenAiConfig withImageModel(String model) {
    return new OpenAiConfig(apiKey, baseUrl, model, imageQuality, speechModel, voice, videoModel,
        timeout, maxAttempts, backoffBase, backoffMax, pollInitial, pollMax, pollTimeout);
  }

  public OpenAiConfig withSpeechModel(String model) {
    return new OpenAiConfig(apiKey, baseUrl, imageModel, imageQuality, model, voice, videoModel,
        timeout, maxAttempts, backoffBase, backoffMax, pollInitial, pollMax, pollTimeout);
  }

  public OpenAiConfig withVideoModel(String model) {
    return new OpenAiConfig(apiKey, baseUrl, imageModel, imageQuality, speechModel, voice, model,
        timeout, maxAttempts, backoffBase, backoffMax, pollInitial, pollMax, pollTimeout);
  }

  public boolean configured() {
    return apiKey.isPresent();
  }

  static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  @Override
  public String toString() {
    return "OpenAiConfig[key=" + (apiKey.isPresent() ? "set" : "missing") + ", baseUrl="
        + baseUrl.orElse("default") + ", image=" + imageModel + "/" + imageQuality + ", speech="
        + speechModel + "/" + voice + ", video=" + videoModel + "]";
  }
}
