package dev.reelmesh.orchestrator.provider.replicate;

import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.orchestrator.provider.openai.OpenAiConfig;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.ProviderScope;
import dev.reelmesh.orchestrator.stage.Providers;
import dev.reelmesh.v1.ProviderChoices;
import io.grpc.Status;
import java.util.Optional;

/**
 * Gives jobs that choose video "replicate" the Replicate-style provider; everything else comes
 * from {@code delegate} (OpenAI and the built-in engines).
 */
public final class ReplicateProviderFactory implements ProviderFactory {
  private final ReplicateConfig config;
  private final ProviderFactory delegate;
  private final ReplicateApi api;

  public ReplicateProviderFactory(ReplicateConfig config, ProviderFactory delegate) {
    this.config = config;
    this.delegate = delegate;
    this.api = config.configured() ? new ReplicateApi(config) : null;
  }

  @Override
  public Optional<OpenAiConfig> openAi() {
    return delegate.openAi();
  }

  @Override
  public Optional<ReplicateConfig> replicate() {
    return Optional.of(config);
  }

  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels) {
    if (wanted(choices)) {
      throw new IllegalStateException("the Replicate provider needs the job's scope");
    }
    return delegate.forJob(choices, channels);
  }

  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels, ProviderScope scope) {
    Providers base = delegate.forJob(choices, channels, scope);
    if (!wanted(choices)) {
      return base;
    }
    VideoProvider video = api == null ? new Unconfigured(config.missing())
        : new ReplicateVideoProvider(config, api, scope.spend(), scope.memo(), scope.artifacts(),
            channels.media());
    return new Providers(base.image(), video, base.speech());
  }

  private static boolean wanted(ProviderChoices choices) {
    return "replicate".equals(choices.getVideo());
  }

  /**
   * Replicate chosen but not configured. Submission refuses such a job; this only meets a job
   * accepted before a restart without the settings, and fails its clips with the reason.
   */
  private record Unconfigured(String reason) implements VideoProvider {
    @Override
    public String name() {
      return "replicate";
    }

    @Override
    public Rendered render(ClipRequest request) {
      throw Status.FAILED_PRECONDITION.withDescription(reason).asRuntimeException();
    }
  }
}
