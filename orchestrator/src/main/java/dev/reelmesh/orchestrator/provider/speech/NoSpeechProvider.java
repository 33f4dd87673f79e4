package dev.reelmesh.orchestrator.provider.speech;

import java.nio.file.Path;
import java.util.Optional;

/** Narration turned off by the user ({@code providers.speech = "none"}). */
public final class NoSpeechProvider implements SpeechProvider {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.of("speech provider 'none' chosen: captions only");
  }

  @Override
  public void speak(String text, Path wav) {
    throw new IllegalStateException(unavailableReason().orElseThrow());
  }
}
