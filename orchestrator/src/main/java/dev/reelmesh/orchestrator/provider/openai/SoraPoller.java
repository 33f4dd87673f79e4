package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.videos.Video;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import io.grpc.Status;
import java.time.Duration;

/**
 * Waits for a Sora video: polls its status with exponential backoff (initial, doubling, capped),
 * waiting what the server's Retry-After asks when it gives one. A cancelled job stops within a
 * fraction of a second; a video that takes longer than the configured limit fails the step
 * DEADLINE_EXCEEDED (the provider job id stays recorded, so a later run re-attaches to it).
 */
final class SoraPoller {
  private final OpenAIClient client;
  private final OpenAiConfig config;
  private final OpenAiCalls calls;

  SoraPoller(OpenAIClient client, OpenAiConfig config, OpenAiCalls calls) {
    this.client = client;
    this.config = config;
    this.calls = calls;
  }

  /** The finished video; throws with the provider's reason when it failed. */
  Video awaitDone(String id, String label) {
    long deadline = System.nanoTime() + config.pollTimeout().toNanos();
    Duration wait = config.pollInitial();
    while (true) {
      Polled polled = calls.call("sora status (" + label + ")", () -> {
        try (HttpResponseFor<Video> raw = client.videos().withRawResponse().retrieve(id)) {
          Duration hint = ProviderCalls.retryAfter(raw.headers().values("retry-after-ms"),
              raw.headers().values("retry-after"));
          return new Polled(raw.parse(), hint);
        }
      });
      Video video = polled.video();
      String status = video.status().asString();
      if ("completed".equals(status)) {
        return video;
      }
      if ("failed".equals(status)) {
        String reason = video.error().map(e -> e.code() + ": " + e.message())
            .orElse("no reason given");
        Status code = reason.contains("moderation") || reason.contains("policy")
            ? Status.INVALID_ARGUMENT : Status.UNAVAILABLE;
        throw new VideoFailed(code.withDescription("sora (" + label + "): video " + id
            + " failed: " + reason));
      }
      Duration pause = polled.hint() != null ? polled.hint() : wait;
      if (System.nanoTime() + pause.toNanos() > deadline) {
        throw Status.DEADLINE_EXCEEDED.withDescription("sora (" + label + "): video " + id
            + " still " + status + " (" + video.progress() + "%) after "
            + config.pollTimeout().toSeconds() + " s; a later run re-attaches to it")
            .asRuntimeException();
      }
      sleep(pause, label);
      wait = ProviderCalls.doubled(wait, config.pollMax());
    }
  }

  private record Polled(Video video, Duration hint) {}

  /** The provider finished the job as failed: re-attaching to it again would only fail again. */
  static final class VideoFailed extends io.grpc.StatusRuntimeException {
    VideoFailed(Status status) {
      super(status);
    }
  }

  /** Sleeps in short slices so a cancel (or an engine shutdown) is noticed promptly. */
  private static void sleep(Duration pause, String label) {
    ProviderCalls.pause(pause, "sora (" + label + ")", () -> { });
  }

}
