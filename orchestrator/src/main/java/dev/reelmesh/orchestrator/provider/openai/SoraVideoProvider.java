package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.provider.video.ClipProbe;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.ProviderJob;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import io.grpc.Channel;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Clips from OpenAI videos (Sora-2 protocol): submit with the start frame as input reference,
 * record the provider's video id BEFORE polling (a resumed job re-attaches instead of paying
 * again), poll with backoff, download the MP4 to the clip's output path, probe it through the
 * media service. Sora renders 4, 8 or 12 s; the shortest that covers the clip is asked for.
 */
public final class SoraVideoProvider implements VideoProvider {
  private final OpenAIClient client;
  private final OpenAiConfig config;
  private final OpenAiCalls calls;
  private final SoraPoller poller;
  private final Spend spend;
  private final StepMemo memo;
  private final ArtifactStore artifacts;
  private final Channel media;

  SoraVideoProvider(OpenAIClient client, OpenAiConfig config, OpenAiCalls calls, Spend spend,
      StepMemo memo, ArtifactStore artifacts, Channel media) {
    this.client = client;
    this.config = config;
    this.calls = calls;
    this.poller = new SoraPoller(client, config, calls);
    this.spend = spend;
    this.memo = memo;
    this.artifacts = artifacts;
    this.media = media;
  }

  @Override
  public String name() {
    return "openai";
  }

  private ProviderJob job(ClipRequest request) {
    return ProviderJob.of(memo, request.stepKey(), "openai", "video");
  }

  @Override
  public Rendered render(ClipRequest request) throws IOException {
    long started = System.nanoTime();
    String label = "clip " + (request.clipIndex() + 1);
    int seconds = Sizes.soraSeconds(request.durationSeconds(), request.clipIndex());
    String size = Sizes.video(request.size());
    Path out = artifacts.resolve("clip", request.outputPath());
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
    ArtifactRef clip = artifacts.describe(out, "video/mp4");
    double probed = ClipProbe.seconds(media, clip);
    if (probed + 0.05 < request.durationSeconds()) {
      throw Status.FAILED_PRECONDITION.withDescription(String.format("sora (%s): the video is "
          + "%.2f s but the clip needs %.2f s (asked for %d s)", label, probed,
          request.durationSeconds(), seconds)).asRuntimeException();
    }
    return new Rendered(clip, probed, EngineInfo.newBuilder().setEngine("openai")
        .setModel(config.videoModel() + " " + size + " " + seconds + "s")
        .setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  /** The recorded provider job when there is one; otherwise a new one, recorded at once. */
  private String submitOrReattach(ClipRequest request, int seconds, String size, Path out,
      String label) throws IOException {
    java.util.Optional<String> known = job(request).recordedId();
    if (known.isPresent()) {
      return known.get();
    }
    long price = PriceTable.videoSecondMicros(config.videoModel(), size);
    CostLine estimate = CostLine.newBuilder().setStage("clips").setProvider("openai")
        .setItem(config.videoModel() + " " + size + " (" + label + ")").setQuantity(seconds)
        .setUnit("video_seconds").setEstimatedMicros(price * seconds).build();
    Path reference = out.resolveSibling(out.getFileName() + "-reference.png");
    Pictures.writePng(Pictures.fill(Pictures.decode(Files.readAllBytes(
        artifacts.resolveExisting("start_frame", request.startFrame())), label + " start frame"),
        Sizes.width(size), Sizes.height(size)), reference);
    String prompt = request.prompt() != null && !request.prompt().getPrompt().isBlank()
        ? request.prompt().getPrompt() : "gentle cinematic motion continuing this frame";
    try (Spend.Hold hold = spend.hold(estimate)) {
      Video created = calls.call("sora create (" + label + ")", () -> client.videos().create(
          VideoCreateParams.builder().model(config.videoModel()).prompt(prompt)
              .seconds(VideoSeconds.of(String.valueOf(seconds))).size(VideoSize.of(size))
              .inputReference(reference).build()));
      // Sora bills at creation: the charge and the id commit together, before any polling.
      hold.settle(estimate.toBuilder().setActualMicros(price * seconds).build(),
          job(request).idKey(), ProviderJob.record(created.id()));
      return created.id();
    }
  }

  private void download(String id, Path out, String label) throws IOException {
    Files.createDirectories(out.getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".part");
    calls.call("sora download (" + label + ")", () -> {
      try (HttpResponse response = client.videos().downloadContent(id);
          InputStream body = response.body()) {
        Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
        return tmp;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
