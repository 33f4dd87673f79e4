package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.FrameData;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import dev.reelmesh.orchestrator.provider.video.RemotePoll;
import dev.reelmesh.orchestrator.provider.video.RemoteVideoProvider;
import dev.reelmesh.v1.CostLine;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Clips from one fal video endpoint through the queue (the rules are RemoteVideoProvider's). */
final class FalVideoProvider extends RemoteVideoProvider {
  private final FalEntry entry;
  private final FalModel profile;
  private final FalQueue queue;

  FalVideoProvider(FalEntry entry, FalModel profile, FalQueue queue,
      ProviderResources resources, FalConfig config) {
    super("fal", profile.endpoint(), resources, config.timings());
    this.entry = entry;
    this.profile = profile;
    this.queue = queue;
  }

  @Override
  protected Capabilities capabilities() {
    return profile.capabilities();
  }

  @Override
  protected CostLine estimate(ClipRequest request, double seconds, String label) {
    return entry.estimate(profile.endpoint(), seconds, request.size().width(),
        request.size().height(), label);
  }

  @Override
  protected String create(ClipRequest request, double seconds, String label) throws IOException {
    FrameData start = FrameData.of(resources.artifacts(), "start_frame", request.startFrame());
    FrameData end = FrameData.present(request.endFrame())
        ? FrameData.of(resources.artifacts(), "end_frame", request.endFrame()) : null;
    return queue.submit(profile.endpoint(), FalInput.of(profile, request, (int) seconds,
        RemoteClip.aspect(request.size()), start, end), label + " submit");
  }

  @Override
  protected RemotePoll poll(String id, String label) {
    JsonNode status = queue.status(profile.endpoint(), id, label + " status");
    switch (status.path("status").asText("")) {
      case "IN_QUEUE" -> {
        return new RemotePoll.Running(status.has("queue_position")
            ? "in queue, position " + status.path("queue_position").asInt() : "in queue");
      }
      case "IN_PROGRESS" -> {
        return new RemotePoll.Running("rendering");
      }
      case "COMPLETED" -> {
        if (status.hasNonNull("error")) {
          return failed(status.path("error").asText(), status.path("error_type").asText(""));
        }
        return result(id, label);
      }
      default -> {
        return failed("status " + status.path("status").asText("(none)"), "");
      }
    }
  }

  /** A completed request's result: the video, or the error fal answers for it instead. */
  private RemotePoll result(String id, String label) {
    JsonNode result;
    try {
      result = queue.result(profile.endpoint(), id, label + " result");
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && f.status() / 100 == 4) {
        return failed(f.words(), f.body().path("detail").path(0).path("type").asText(""));
      }
      throw e;
    }
    String url = result.path("video").path("url").asText("");
    return url.isBlank() ? failed("the result has no video: "
        + dev.reelmesh.orchestrator.provider.ProviderCalls.brief(result.toString()), "")
        : new RemotePoll.Done(url);
  }

  private static RemotePoll failed(String words, String type) {
    return new RemotePoll.Failed(words, "content_policy_violation".equals(type)
        || RemotePoll.soundsRefused(words));
  }

  @Override
  protected void cancel(String id, String label) {
    queue.cancel(profile.endpoint(), id, label);
  }

  @Override
  protected void download(String url, Path out, String label) {
    // Output files are on fal's CDN: public for a while, and they take no key.
    queue.http().download(label + " download", url, Map.of(), out);
  }
}
