package dev.reelmesh.orchestrator.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import dev.reelmesh.orchestrator.provider.remote.RemoteVideoProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Clips through the OpenAI videos request shape (Sora-2 protocol) on a compatible gateway, with
 * the money and crash rules of every paid video provider (RemoteVideoProvider): the start frame
 * goes as the input reference, scaled to the video size (the protocol wants them equal).
 */
final class SoraVideoProvider extends RemoteVideoProvider {
  private final SoraApi api;

  SoraVideoProvider(OpenAiVideoEntry entry, String model, SoraApi api,
      ProviderResources resources, CallTimings timings) {
    super(entry, model, resources, timings);
    this.api = api;
  }

  /** Recorded as "video" since before the shared base: jobs in flight still re-attach. */
  @Override
  protected String jobIdName() {
    return "video";
  }

  @Override
  protected String create(ClipRequest request, double seconds, String label) throws IOException {
    String size = Sizes.video(request.size());
    byte[] frame = Files.readAllBytes(resources.artifacts().resolveExisting("start_frame",
        request.startFrame()));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(Pictures.fill(Pictures.decode(frame, label + " start frame"),
        Sizes.width(size), Sizes.height(size)), "png", png);
    return api.create(model, RemoteClip.prompt(request), (int) Math.round(seconds), size,
        png.toByteArray(), label + " create");
  }

  @Override
  protected RemotePoll poll(String id, String label) {
    JsonNode video = api.video(id, label + " status");
    String status = video.path("status").asText("");
    return switch (status) {
      case "completed" -> new RemotePoll.Done(api.contentUrl(id));
      case "failed" -> {
        JsonNode error = video.path("error");
        String code = error.path("code").asText("");
        String words = error.path("message").asText("no reason given")
            + (code.isEmpty() ? "" : " (" + code + ")");
        yield new RemotePoll.Failed(words, code.contains("moderation")
            || code.contains("policy") || RemotePoll.soundsRefused(words));
      }
      default -> new RemotePoll.Running(video.has("progress") ? String.format(Locale.ROOT,
          "%s, %d%%", status, video.path("progress").asInt()) : status);
    };
  }

  @Override
  protected void cancel(String id, String label) {
    api.delete(id, label);
  }

  @Override
  protected void download(String url, Path out, String label) {
    api.download(url, out, label + " download");
  }
}
