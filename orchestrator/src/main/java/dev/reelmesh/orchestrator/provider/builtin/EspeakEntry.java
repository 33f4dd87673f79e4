package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.SpeechEntry;
import dev.reelmesh.orchestrator.provider.speech.EspeakSpeechProvider;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.v1.CostLine;
import java.util.List;

/**
 * Offline narration with espeak-ng. Always choosable: without espeak-ng on PATH the audio stage
 * falls back to captions only, as a fallback event.
 */
final class EspeakEntry extends BuiltIn implements SpeechEntry {
  private final String path;

  EspeakEntry(String path) {
    super("espeak", "built-in narration with espeak-ng when it is on PATH, else captions only "
        + "(offline, free)");
    this.path = path;
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.optional("PATH", "where espeak-ng is found"));
  }

  @Override
  public CostLine estimate(String model, int characters, String label) {
    return FreeLine.of("audio", name(), "narration characters", characters, "characters");
  }

  @Override
  public SpeechProvider create(String model, ProviderResources resources) {
    return EspeakSpeechProvider.fromPath(path);
  }
}
