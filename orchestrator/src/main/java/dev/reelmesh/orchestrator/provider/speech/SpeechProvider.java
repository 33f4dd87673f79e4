package dev.reelmesh.orchestrator.provider.speech;

import java.nio.file.Path;
import java.util.Optional;

/** Turns a narration line into a WAV file. */
public interface SpeechProvider {
  /** Name reported in EngineInfo ("espeak", "none"). */
  String name();

  /** Empty when the provider can speak; otherwise why not, in words a person can act on. */
  Optional<String> unavailableReason();

  void speak(String text, Path wav) throws Exception;
}
