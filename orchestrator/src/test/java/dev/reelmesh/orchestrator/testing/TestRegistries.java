package dev.reelmesh.orchestrator.testing;

import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import dev.reelmesh.orchestrator.provider.openai.OpenAiConfig;
import dev.reelmesh.orchestrator.provider.openai.OpenAiProviders;
import dev.reelmesh.orchestrator.provider.openai.VideoGateway;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateEntry;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Registries for tests: the built-in engines plus providers pointed at fake servers, with fast
 * retries and polls. Settings come from the test, never from the environment.
 */
public final class TestRegistries {
  private TestRegistries() {}

  /** The built-ins plus {@code entries} (replacing any of the same role and name). */
  public static ProviderFactory with(List<? extends ProviderEntry> entries) {
    return ProviderFactory.of(StandardProviders.withoutKeys().with(entries));
  }

  /** OpenAI images and speech at {@code baseUrl}, and its videos gateway there too. */
  public static ProviderFactory openAi(String key, String baseUrl,
      UnaryOperator<OpenAiConfig> tune) {
    Map<String, String> env = Map.of("OPENAI_API_KEY", key, "OPENAI_BASE_URL", baseUrl);
    return with(OpenAiProviders.entries(tune.apply(OpenAiConfig.fromEnv(env).withFastTimings()),
        VideoGateway.fromEnv(env)));
  }

  public static ProviderFactory openAi(String key, String baseUrl) {
    return openAi(key, baseUrl, c -> c);
  }

  /** Replicate from {@code env} (a fake's URL), with fast timings. */
  public static ProviderFactory replicate(Map<String, String> env) {
    return with(List.of(new ReplicateEntry(ReplicateConfig.fromEnv(env).withFastTimings())));
  }
}
