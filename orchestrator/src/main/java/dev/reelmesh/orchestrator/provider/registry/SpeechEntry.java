package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.v1.CostLine;

/** A registered narration provider. */
public interface SpeechEntry extends ProviderEntry {
  @Override
  default Role role() {
    return Role.SPEECH;
  }

  /** The line held for speaking {@code characters} characters. */
  CostLine estimate(String model, int characters, String label);

  SpeechProvider create(String model, ProviderResources resources);
}
