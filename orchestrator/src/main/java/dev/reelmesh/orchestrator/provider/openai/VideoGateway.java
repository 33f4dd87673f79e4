package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.PriceSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the OpenAI {@code /v1/videos} request shape (the Sora-2 protocol) is still served.
 * OpenAI shut its own Videos API down on 2026-09-24, so video needs an OpenAI-compatible gateway:
 * OPENAI_VIDEO_BASE_URL, or OPENAI_BASE_URL when that already points at one (never at
 * api.openai.com). The key is OPENAI_VIDEO_API_KEY, else OPENAI_API_KEY; it is never printed.
 *
 * @param microsPerSecond the gateway's price per second of video when configured; otherwise
 *     the Sora price table's (sora-2 $0.10/s, others the dearest)
 * @param seconds the clip lengths the gateway's model renders, ascending
 */
public record VideoGateway(Optional<String> baseUrl, Optional<String> apiKey,
    OptionalLong microsPerSecond, List<Integer> seconds) {
  public static final String BASE_URL_VARIABLE = "OPENAI_VIDEO_BASE_URL";
  public static final String KEY_VARIABLE = "OPENAI_VIDEO_API_KEY";
  public static final String PRICE_VARIABLE = "REELMESH_OPENAI_VIDEO_USD_PER_SECOND";
  public static final String SECONDS_VARIABLE = "REELMESH_OPENAI_VIDEO_SECONDS";

  public VideoGateway {
    seconds = List.copyOf(seconds);
  }

  public static VideoGateway fromEnv(Map<String, String> env) {
    Optional<String> base = OpenAiConfig.nonBlank(env.get(BASE_URL_VARIABLE)).or(() ->
        OpenAiConfig.nonBlank(env.get("OPENAI_BASE_URL")).filter(url -> !hostedByOpenAi(url)));
    if (base.isPresent() && hostedByOpenAi(base.get())) {
      throw new IllegalArgumentException(BASE_URL_VARIABLE + " points at OpenAI, whose Videos "
          + "API shut down on 2026-09-24; give an OpenAI-compatible gateway's URL");
    }
    if (base.isPresent() && !base.get().matches("(?i)https?://.+")) {
      throw new IllegalArgumentException(BASE_URL_VARIABLE + " must be an http(s) URL, got '"
          + base.get() + "'");
    }
    Optional<String> key = OpenAiConfig.nonBlank(env.get(KEY_VARIABLE))
        .or(() -> OpenAiConfig.nonBlank(env.get(OpenAiConfig.KEY_VARIABLE)));
    Optional<String> usd = OpenAiConfig.nonBlank(env.get(PRICE_VARIABLE));
    OptionalLong price = usd.isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(PriceSetting.microsPerSecond(PRICE_VARIABLE, usd.get()));
    return new VideoGateway(base, key, price, lengths(OpenAiConfig.nonBlank(
        env.get(SECONDS_VARIABLE)).orElse("4,8,12")));
  }

  static boolean hostedByOpenAi(String url) {
    return url.matches("(?i)https?://([a-z0-9-]+\\.)*openai\\.com(:\\d+)?(/.*)?");
  }

  /** What is missing, in words an operator acts on; empty when jobs may choose it. */
  public Optional<String> missing() {
    if (apiKey.isPresent() && baseUrl.isPresent()) {
      return Optional.empty();
    }
    return Optional.of("provider 'openai' (video) needs "
        + (apiKey.isEmpty() ? OpenAiConfig.KEY_VARIABLE + " (or " + KEY_VARIABLE + ")" : "")
        + (apiKey.isEmpty() && baseUrl.isEmpty() ? " and " : "")
        + (baseUrl.isEmpty() ? BASE_URL_VARIABLE + ", an OpenAI-compatible gateway serving "
            + "/v1/videos (OpenAI's own Videos API shut down on 2026-09-24)" : "")
        + " set for the orchestrator; see docs/providers.md");
  }

  private static List<Integer> lengths(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        int s = Integer.parseInt(part.strip());
        if (s < 1 || s > 60 || !out.isEmpty() && s <= out.get(out.size() - 1)) {
          throw new NumberFormatException();
        }
        out.add(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(SECONDS_VARIABLE + " must list ascending whole "
            + "seconds in 1..60 separated by commas (\"4,8,12\"), got '" + text + "'");
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "VideoGateway[key=" + (apiKey.isPresent() ? "set" : "missing") + ", baseUrl="
        + baseUrl.orElse("unset") + ", seconds=" + seconds + "]";
  }
}
