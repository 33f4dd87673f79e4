package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI chosen but no key configured. Submission refuses such a job; this only meets a job that
 * was accepted before a restart without the key, and fails its paid steps with the reason.
 */
final class Unconfigured implements ImageProvider, VideoProvider, SpeechProvider {
  static final String REASON = "provider 'openai' needs " + OpenAiConfig.KEY_VARIABLE
      + " (and optionally OPENAI_BASE_URL) in the orchestrator's environment";

  @Override
  public String name() {
    return "openai";
  }

  private static StatusRuntimeException refused() {
    return Status.FAILED_PRECONDITION.withDescription(REASON).asRuntimeException();
  }

  @Override
  public List<Path> generate(ImageRequest request) {
    throw refused();
  }

  @Override
  public Rendered render(ClipRequest request) {
    throw refused();
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.of(REASON);
  }

  @Override
  public void speak(String text, Path wav) {
    throw refused();
  }
}
