package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI registrations: images and speech on OpenAI (or any compatible server), video on an
 * OpenAI-compatible {@code /v1/videos} gateway. Images and speech share one openai-java client;
 * the gateway is called through the shared remote-provider HTTP (its base URL and key may differ).
 */
public final class OpenAiProviders {
  private OpenAiProviders() {}

  public static List<ProviderEntry> fromEnv(Map<String, String> env) {
    return entries(OpenAiConfig.fromEnv(env), VideoGateway.fromEnv(env));
  }

  /** With settings a test chose (a fake server's URL, fast timings). */
  public static List<ProviderEntry> entries(OpenAiConfig config, VideoGateway gateway) {
    LazyClient openai = new LazyClient(config.apiKey(), config.baseUrl(), config.timeout());
    return List.of(new OpenAiImageEntry(config, openai), new OpenAiVideoEntry(config, gateway),
        new OpenAiSpeechEntry(config, openai));
  }
}
