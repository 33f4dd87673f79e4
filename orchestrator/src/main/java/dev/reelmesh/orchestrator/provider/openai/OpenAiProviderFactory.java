package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.ProviderScope;
import dev.reelmesh.orchestrator.stage.Providers;
import dev.reelmesh.v1.ProviderChoices;
import java.util.Optional;

/**
 * Picks each job's engines from its provider names: "openai" gets the OpenAI providers (one
 * shared client), every other name the engines of {@code offline}.
 */
public final class OpenAiProviderFactory implements ProviderFactory {
  private final OpenAiConfig config;
  private final ProviderFactory offline;
  private volatile OpenAIClient client;

  public OpenAiProviderFactory(OpenAiConfig config, ProviderFactory offline) {
    this.config = config;
    this.offline = offline;
  }

  @Override
  public Optional<OpenAiConfig> openAi() {
    return Optional.of(config);
  }

  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels) {
    if (wantsOpenAi(choices)) {
      throw new IllegalStateException("OpenAI providers need the job's scope (budget, memo)");
    }
    return offline.forJob(choices, channels);
  }

  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels, ProviderScope scope) {
    Providers base = offline.forJob(choices, channels, scope);
    if (!wantsOpenAi(choices)) {
      return base;
    }
    ImageProvider image = base.image();
    VideoProvider video = base.video();
    SpeechProvider speech = base.speech();
    if (!config.configured()) {
      Unconfigured none = new Unconfigured();
      return new Providers(openai(choices.getImage()) ? none : image,
          openai(choices.getVideo()) ? none : video, openai(choices.getSpeech()) ? none : speech);
    }
    OpenAIClient shared = client();
    OpenAiCalls calls = new OpenAiCalls(config);
    if (openai(choices.getImage())) {
      image = new OpenAiImageProvider(shared, config, calls, scope.spend(), scope.memo());
    }
    if (openai(choices.getVideo())) {
      video = new SoraVideoProvider(shared, config, calls, scope.spend(), scope.memo(),
          scope.artifacts(), channels.media());
    }
    if (openai(choices.getSpeech())) {
      speech = new OpenAiSpeechProvider(shared, config, calls, scope.spend(),
          scope.memo());
    }
    return new Providers(image, video, speech);
  }

  private static boolean openai(String name) {
    return "openai".equals(name);
  }

  private static boolean wantsOpenAi(ProviderChoices choices) {
    return openai(choices.getImage()) || openai(choices.getVideo())
        || openai(choices.getSpeech());
  }

  private synchronized OpenAIClient client() {
    if (client == null) {
      OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
          .apiKey(config.apiKey().orElseThrow())
          .timeout(config.timeout())
          .maxRetries(0); // OpenAiCalls owns retries, so attempts and backoff are ours
      config.baseUrl().ifPresent(builder::baseUrl);
      client = builder.build();
    }
    return client;
  }
}
