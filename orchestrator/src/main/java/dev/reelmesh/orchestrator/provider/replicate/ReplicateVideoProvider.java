package dev.reelmesh.orchestrator.provider.replicate;

import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import dev.reelmesh.orchestrator.provider.remote.RemoteVideoProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.FrameData;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Clips from a Replicate-style prediction API, with the money and crash rules of every paid video
 * provider (RemoteVideoProvider); the prediction's input is the operator's template filled for the
 * clip ({@link ReplicateInput}), and a verified completion callback ends the wait between polls.
 */
final class ReplicateVideoProvider extends RemoteVideoProvider {
  private final ReplicateConfig config;
  private final ReplicateApi api;
  private final Webhooks hooks;

  ReplicateVideoProvider(ReplicateEntry entry, ReplicateConfig config, ReplicateApi api,
      ProviderResources resources, Webhooks hooks) {
    super(entry, config.model().orElse(""), resources, config.timings());
    this.config = config;
    this.api = api;
    this.hooks = hooks;
  }

  /** Recorded as "prediction" since before the shared base: jobs in flight still re-attach. */
  @Override
  protected String jobIdName() {
    return "prediction";
  }

  @Override
  protected String create(ClipRequest request, double seconds, String label) throws IOException {
    Map<String, Object> values = new HashMap<>();
    values.put("prompt", RemoteClip.prompt(request));
    values.put("negative_prompt", RemoteClip.negative(request));
    values.put("image", FrameData.of(resources.artifacts(), "start_frame", request.startFrame())
        .dataUrl());
    // No end frame when the model takes none (its template has no {end_image}).
    values.put("end_image", FrameData.present(request.endFrame()) ? FrameData.of(
        resources.artifacts(), "end_frame", request.endFrame()).dataUrl() : "");
    values.put("seconds", ReplicateEntry.billedSeconds(seconds));
    values.put("duration", request.durationSeconds());
    values.put("fps", (long) Math.round(request.fps()));
    values.put("frames", (long) Math.ceil(request.durationSeconds() * request.fps()));
    values.put("width", (long) request.size().width());
    values.put("height", (long) request.size().height());
    values.put("aspect_ratio", aspect(request.size().width(), request.size().height()));
    return api.create(ReplicateInput.fill(config.input(), values),
        hooks.settings().callbackUrl("replicate"), label + " create");
  }

  /** "16:9" for 1280×720. */
  static String aspect(int width, int height) {
    int a = width;
    int b = height;
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return width / a + ":" + height / a;
  }

  @Override
  protected RemotePoll poll(String id, String label) {
    Prediction p = api.get(id, label + " status");
    if (p.succeeded()) {
      return p.output().isEmpty() ? new RemotePoll.Failed("succeeded without an output file",
          false) : new RemotePoll.Done(p.output().get(0));
    }
    if (p.ended()) {
      return new RemotePoll.Failed(p.error().isBlank() ? p.status() : p.error(),
          RemotePoll.soundsRefused(p.error()));
    }
    return new RemotePoll.Running(p.status());
  }

  @Override
  protected void cancel(String id, String label) {
    api.cancel(id, label);
  }

  @Override
  protected void download(String url, Path out, String label) {
    api.download(url, out, label + " download");
  }

  @Override
  protected boolean woken(String id) {
    return hooks.wakeups().take("replicate", id);
  }

  @Override
  protected String tooShortHint() {
    return "map the length into the model's input with {seconds} or {frames} in "
        + ReplicateConfig.INPUT_VARIABLE;
  }
}
