package dev.reelmesh.orchestrator.provider.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.FrameData;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import dev.reelmesh.orchestrator.provider.remote.RemoteVideoProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Clips from Runway's image-to-video, animated from the storyboard's start frame. */
final class RunwayVideoProvider extends RemoteVideoProvider {
  private final RunwayModels runway;
  private final RunwayApi api;

  RunwayVideoProvider(RunwayEntry entry, RunwayModels runway, RunwayApi api,
      ProviderResources resources, RunwayConfig config) {
    super(entry, runway.id(), resources, config.timings());
    this.runway = runway;
    this.api = api;
  }

  @Override
  protected String create(ClipRequest request, double seconds, String label) throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("model", runway.id())
        // A data URI: our frames are not reachable by URL.
        .put("promptImage", FrameData.of(resources.artifacts(), "start_frame",
            request.startFrame()).dataUrl())
        .put("promptText", RemoteClip.prompt(request))
        .put("ratio", RunwayModels.ratio(RemoteClip.aspect(request.size())))
        .put("duration", (int) seconds);
    return api.imageToVideo(runway.id(), body, label + " create");
  }

  @Override
  protected RemotePoll poll(String id, String label) {
    JsonNode task = api.task(id, label + " status");
    String status = task.path("status").asText("");
    return switch (status) {
      case "SUCCEEDED" -> task.path("output").path(0).isTextual()
          ? new RemotePoll.Done(task.path("output").path(0).asText())
          : new RemotePoll.Failed("succeeded without an output URL", false);
      case "FAILED" -> {
        String words = task.path("failure").asText("failed");
        String code = task.path("failureCode").asText("");
        // failureCode "SAFETY.INPUT.IMAGE" and the like: Runway's moderation refused it.
        yield new RemotePoll.Failed(words + (code.isEmpty() ? "" : " (" + code + ")"),
            code.startsWith("SAFETY") || RemotePoll.soundsRefused(words));
      }
      case "CANCELLED" -> new RemotePoll.Failed("cancelled at the provider", false);
      case "THROTTLED" -> new RemotePoll.Running("throttled: waiting for a free slot");
      case "RUNNING" -> new RemotePoll.Running(task.has("progress") ? String.format(Locale.ROOT,
          "rendering, %.0f%%", 100 * task.path("progress").asDouble()) : "rendering");
      default -> new RemotePoll.Running(status.toLowerCase(Locale.ROOT));
    };
  }

  @Override
  protected void cancel(String id, String label) {
    api.cancel(id, label);
  }

  @Override
  protected void download(String url, Path out, String label) {
    api.download(url, out, label + " download");
  }
}
