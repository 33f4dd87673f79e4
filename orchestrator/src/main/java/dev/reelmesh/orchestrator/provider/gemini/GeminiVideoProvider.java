package dev.reelmesh.orchestrator.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.FrameData;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import dev.reelmesh.orchestrator.provider.remote.RemoteVideoProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Clips from Veo on the Gemini API: the start frame as {@code image}, the end frame as
 * {@code lastFrame} where the model takes one (Veo 3.1), audio off is not offered so the price
 * includes it.
 */
final class GeminiVideoProvider extends RemoteVideoProvider {
  private final VeoModels veo;
  private final GeminiApi api;

  GeminiVideoProvider(GeminiEntry entry, VeoModels veo, GeminiApi api,
      ProviderResources resources, GeminiConfig config) {
    super(entry, veo.id(), resources, config.timings());
    this.veo = veo;
    this.api = api;
  }

  @Override
  protected String create(ClipRequest request, double seconds, String label) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode instance = nodes.objectNode().put("prompt", RemoteClip.prompt(request));
    instance.set("image", image(FrameData.of(resources.artifacts(), "start_frame",
        request.startFrame())));
    if (veo.lastFrame() && FrameData.present(request.endFrame())) {
      instance.set("lastFrame", image(FrameData.of(resources.artifacts(), "end_frame",
          request.endFrame())));
    }
    ObjectNode parameters = nodes.objectNode()
        .put("aspectRatio", VeoModels.aspect(RemoteClip.aspect(request.size())))
        .put("durationSeconds", (int) seconds)
        .put("resolution", "720p");
    if (!RemoteClip.negative(request).isBlank()) {
      parameters.put("negativePrompt", RemoteClip.negative(request));
    }
    ObjectNode body = nodes.objectNode();
    body.putArray("instances").add(instance);
    body.set("parameters", parameters);
    return api.predictLongRunning(veo.id(), body, label + " create");
  }

  private static ObjectNode image(FrameData frame) {
    return JsonNodeFactory.instance.objectNode().put("bytesBase64Encoded", frame.base64())
        .put("mimeType", frame.mediaType());
  }

  @Override
  protected RemotePoll poll(String id, String label) {
    JsonNode operation = api.operation(id, label + " status");
    if (!operation.path("done").asBoolean(false)) {
      return new RemotePoll.Running("");
    }
    JsonNode error = operation.path("error");
    if (error.isObject()) {
      String words = error.path("message").asText("error code " + error.path("code").asInt());
      return new RemotePoll.Failed(words, RemotePoll.soundsRefused(words));
    }
    JsonNode response = operation.path("response").path("generateVideoResponse");
    String uri = response.path("generatedSamples").path(0).path("video").path("uri").asText("");
    if (!uri.isBlank()) {
      return new RemotePoll.Done(uri);
    }
    if (response.path("raiMediaFilteredCount").asInt(0) > 0) {
      // Google's Responsible-AI filter removed the video; its reasons are the user's to read.
      List<String> reasons = new ArrayList<>();
      response.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asText()));
      return new RemotePoll.Failed(reasons.isEmpty() ? "filtered by Google's safety filters"
          : String.join("; ", reasons), true);
    }
    return new RemotePoll.Failed("done without a video: "
        + ProviderCalls.brief(operation.path("response").toString()), false);
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
