package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.video.ClipIntake;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.ProviderJob;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Clips through the OpenAI videos request shape (Sora-2 protocol) on a compatible gateway:
 * submit with the start frame as input reference, record the provider's video id BEFORE polling
 * (a resumed job re-attaches instead of paying again), poll with backoff, copy the MP4 into the
 * artifact store and check it (ClipIntake). The shortest length the model renders that covers
 * the clip is asked for; a model the gateway does not know is ModelUnavailable, before any
 * charge, so a fallback chain moves on.
 */
final class SoraVideoProvider implements VideoProvider {
  private final OpenAiVideoEntry entry;
  private final String model;
  private final OpenAIClient client;
  private final OpenAiCalls calls;
  private final SoraPoller poller;
  private final ProviderResources resources;

  SoraVideoProvider(OpenAiVideoEntry entry, String model, OpenAIClient client,
      OpenAiConfig config, OpenAiCalls calls, ProviderResources resources) {
    this.entry = entry;
    this.model = model;
    this.client = client;
    this.calls = calls;
    this.poller = new SoraPoller(client, config, calls);
    this.resources = resources;
  }

  @Override
  public String name() {
    return "openai";
  }

  private ProviderJob job(ClipRequest request) {
    return ProviderJob.of(resources.memo(), request.stepKey(), "openai", "video");
  }

  @Override
  public Rendered render(ClipRequest request) throws IOException {
    long started = System.nanoTime();
    String label = "clip " + (request.clipIndex() + 1);
    double snapped = entry.capabilities(model).snap(request.durationSeconds());
    if (snapped + 1e-6 < request.durationSeconds()) {
      throw Status.FAILED_PRECONDITION.withDescription(String.format(Locale.ROOT,
          "clip %d needs %.2f s but %s renders at most %.0f s per clip; plan shorter clips "
              + "(a shorter duration or more clips) or use providers.video = \"motion\"",
          request.clipIndex() + 1, request.durationSeconds(), model, snapped))
          .asRuntimeException();
    }
    int seconds = (int) Math.round(snapped);
    String size = Sizes.video(request.size());
    Path out = resources.artifacts().resolve("clip", request.outputPath());
    ProviderJob job = job(request);
    if (job.recordedId().isEmpty() || !Files.isRegularFile(out)) {
      String id = submitOrReattach(request, seconds, size, out, label);
      try {
        poller.awaitDone(id, label);
      } catch (SoraPoller.VideoFailed e) {
        job.forgetId();
        throw e;
      }
      download(id, out, label);
    }
    ClipIntake.Accepted clip = ClipIntake.accept(resources.media(), resources.artifacts(), out,
        request.durationSeconds(), "sora (" + label + ")", "asked for " + seconds + " s");
    return new Rendered(clip.clip(), clip.seconds(), EngineInfo.newBuilder().setEngine("openai")
        .setModel(model + " " + size + " " + seconds + "s")
        .setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  /** The recorded provider job when there is one; otherwise a new one, recorded at once. */
  private String submitOrReattach(ClipRequest request, int seconds, String size, Path out,
      String label) throws IOException {
    java.util.Optional<String> known = job(request).recordedId();
    if (known.isPresent()) {
      return known.get();
    }
    CostLine estimate = entry.estimate(model, seconds, Sizes.width(size), Sizes.height(size),
        label);
    Path reference = out.resolveSibling(out.getFileName() + "-reference.png");
    Pictures.writePng(Pictures.fill(Pictures.decode(Files.readAllBytes(resources.artifacts()
        .resolveExisting("start_frame", request.startFrame())), label + " start frame"),
        Sizes.width(size), Sizes.height(size)), reference);
    String prompt = request.prompt() != null && !request.prompt().getPrompt().isBlank()
        ? request.prompt().getPrompt() : "gentle cinematic motion continuing this frame";
    try (Spend.Hold hold = resources.spend().hold(estimate)) {
      Video created;
      try {
        created = calls.call("sora create (" + label + ")", () -> client.videos().create(
            VideoCreateParams.builder().model(model).prompt(prompt)
                .seconds(VideoSeconds.of(String.valueOf(seconds))).size(VideoSize.of(size))
                .inputReference(reference).build()));
      } catch (StatusRuntimeException e) {
        if (modelUnknown(e)) {
          // Released unsettled: nothing is charged for a model the gateway does not have.
          throw new ModelUnavailable("openai", model, e.getStatus().getDescription());
        }
        throw e;
      }
      // Sora bills at creation: the charge and the id commit together, before any polling.
      hold.settle(estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros()).build(),
          job(request).idKey(), ProviderJob.record(created.id()));
      return created.id();
    }
  }

  /** 404, or the OpenAI error code for a model this server does not serve. */
  private static boolean modelUnknown(StatusRuntimeException e) {
    return e.getCause() instanceof OpenAIServiceException s && (s.statusCode() == 404
        || s.code().map(c -> c.equals("model_not_found")).orElse(false));
  }

  private void download(String id, Path out, String label) {
    calls.call("sora download (" + label + ")", () -> {
      try (HttpResponse response = client.videos().downloadContent(id);
          InputStream body = response.body()) {
        ClipIntake.copy(body, out);
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
