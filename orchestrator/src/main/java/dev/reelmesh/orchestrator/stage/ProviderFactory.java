package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import dev.reelmesh.orchestrator.provider.speech.EspeakSpeechProvider;
import dev.reelmesh.orchestrator.provider.speech.NoSpeechProvider;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.v1.ProviderChoices;

/** Picks a job's engines from its (validated) provider names. Tests substitute their own. */
@FunctionalInterface
public interface ProviderFactory {
  Providers forJob(ProviderChoices choices, MeshChannels channels);

  /** The built-in engines: animatic images, motion clips, espeak-ng narration. */
  static ProviderFactory offline() {
    return (choices, channels) -> new Providers(
        new AnimaticImageProvider(),
        new MotionVideoProvider(channels.media()),
        "none".equals(choices.getSpeech()) ? new NoSpeechProvider()
            : EspeakSpeechProvider.fromPath(System.getenv("PATH")));
  }
}
