package dev.reelmesh.orchestrator.provider.fal;

import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.FrameData;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import dev.reelmesh.orchestrator.provider.remote.RemoteVideoProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Clips from one fal video endpoint through the queue (the rules are RemoteVideoProvider's). */
final class FalVideoProvider extends RemoteVideoProvider {
  private final FalModel profile;
  private final FalQueue queue;

  FalVideoProvider(FalEntry entry, FalModel profile, FalQueue queue,
      ProviderResources resources, FalConfig config) {
    super(entry, profile.endpoint(), resources, config.timings());
    this.profile = profile;
    this.queue = queue;
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
    return FalPoll.of(queue, profile.endpoint(), id, label, result -> {
      String url = result.path("video").path("url").asText("");
      return url.isBlank() ? new RemotePoll.Failed("the result has no video: "
          + ProviderCalls.brief(result.toString()), false) : new RemotePoll.Done(url);
    });
  }

  @Override
  protected void cancel(String id, String label) {
    queue.cancel(profile.endpoint(), id, label);
  }

  @Override
  protected boolean woken(String id) {
    return queue.woken(id);
  }

  @Override
  protected void download(String url, Path out, String label) {
    // Output files are on fal's CDN: public for a while, and they take no key.
    queue.http().download(label + " download", url, Map.of(), out);
  }
}
