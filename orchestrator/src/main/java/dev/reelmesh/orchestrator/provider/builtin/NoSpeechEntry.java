package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.SpeechEntry;
import dev.reelmesh.orchestrator.provider.speech.NoSpeechProvider;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.v1.CostLine;

/** No narration: the video has captions only. */
final class NoSpeechEntry extends BuiltIn implements SpeechEntry {
  NoSpeechEntry() {
    super("none", "no narration: captions only (free)");
  }

  @Override
  public CostLine estimate(String model, int characters, String label) {
    return FreeLine.of("audio", name(), "narration characters", characters, "characters");
  }

  @Override
  public SpeechProvider create(String model, ProviderResources resources) {
    return new NoSpeechProvider();
  }
}
