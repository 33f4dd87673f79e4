package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import dev.reelmesh.orchestrator.provider.openai.OpenAiConfig;
import dev.reelmesh.orchestrator.provider.openai.OpenAiProviderFactory;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateProviderFactory;
import dev.reelmesh.orchestrator.provider.speech.EspeakSpeechProvider;
import dev.reelmesh.orchestrator.provider.speech.NoSpeechProvider;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.v1.ProviderChoices;
import java.util.Map;
import java.util.Optional;

/** Picks a job's engines from its (validated) provider names. Tests substitute their own. */
@FunctionalInterface
public interface ProviderFactory {
  Providers forJob(ProviderChoices choices, MeshChannels channels);

  /**
   * As above, with what paid providers need from the job (budget guard, step memo, artifact
   * root). The engine calls this one; factories of free engines need not override it.
   */
  default Providers forJob(ProviderChoices choices, MeshChannels channels, ProviderScope scope) {
    return forJob(choices, channels);
  }

  /** The OpenAI settings when this factory can build OpenAI providers (key or not). */
  default Optional<OpenAiConfig> openAi() {
    return Optional.empty();
  }

  /** The Replicate settings when this factory can build the Replicate video provider. */
  default Optional<ReplicateConfig> replicate() {
    return Optional.empty();
  }

  /** The built-in engines: animatic images, motion clips, espeak-ng narration. */
  static ProviderFactory offline() {
    return (choices, channels) -> new Providers(
        new AnimaticImageProvider(),
        new MotionVideoProvider(channels.media()),
        "none".equals(choices.getSpeech()) ? new NoSpeechProvider()
            : EspeakSpeechProvider.fromPath(System.getenv("PATH")));
  }

  /**
   * The built-in engines, OpenAI's where a job chooses them and OPENAI_API_KEY is set, and the
   * Replicate video provider where a job chooses it and REPLICATE_API_TOKEN and a model are set.
   */
  static ProviderFactory fromEnv(Map<String, String> env) {
    return new ReplicateProviderFactory(ReplicateConfig.fromEnv(env),
        new OpenAiProviderFactory(OpenAiConfig.fromEnv(env), offline()));
  }
}
