package dev.reelmesh.orchestrator.provider.replicate;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.provider.EngineStopping;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.video.ClipIntake;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.ProviderJob;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Clips from a Replicate-style asynchronous video API. The budget is held before anything is
 * sent; the prediction id is recorded BEFORE polling, so a resumed job re-attaches instead of
 * paying again; polls back off; a cancelled job cancels the prediction (which stops its billing);
 * the output is downloaded to the clip's path and probed through the media service.
 */
final class ReplicateVideoProvider implements VideoProvider {
  private final ReplicateConfig config;
  private final ReplicateApi api;
  private final Spend spend;
  private final StepMemo memo;
  private final ArtifactStore artifacts;
  private final Channel media;

  private final Webhooks hooks;

  ReplicateVideoProvider(ReplicateConfig config, ReplicateApi api, ProviderResources resources,
      Webhooks hooks) {
    this.hooks = hooks;
    this.config = config;
    this.api = api;
    this.spend = resources.spend();
    this.memo = resources.memo();
    this.artifacts = resources.artifacts();
    this.media = resources.media();
  }

  @Override
  public String name() {
    return "replicate";
  }

  private ProviderJob job(String stepKey) {
    return ProviderJob.of(memo, stepKey, "replicate", "prediction");
  }

  /** The line the budget guard holds for a clip (and EstimateCost shows). */
  static CostLine estimate(ReplicateConfig config, int seconds, String label) {
    return CostLine.newBuilder().setStage("clips").setProvider("replicate")
        .setItem(config.model().orElse("?") + " (" + label + ")" + (config.priceAssumed()
            ? "; price assumed, set " + ReplicateConfig.PRICE_VARIABLE : ""))
        .setQuantity(seconds).setUnit("video_seconds")
        .setEstimatedMicros(config.microsPerVideoSecond() * seconds).build();
  }

  @Override
  public Rendered render(ClipRequest request) throws IOException {
    long started = System.nanoTime();
    String label = "clip " + (request.clipIndex() + 1);
    int seconds = (int) Math.ceil(request.durationSeconds() - 1e-9);
    Path out = artifacts.resolve("clip", request.outputPath());
    ProviderJob job = job(request.stepKey());
    if (job.recordedId().isEmpty() || !Files.isRegularFile(out)) {
      String id = submitOrReattach(request, seconds, label);
      Prediction done = awaitDone(id, label, request.stepKey());
      if (done.output().isEmpty()) {
        job.forgetId();
        throw Status.UNAVAILABLE.withDescription("replicate (" + label + "): prediction " + id
            + " succeeded without an output file").asRuntimeException();
      }
      api.download(done.output().get(0), out, "replicate download (" + label + ")");
    }
    ClipIntake.Accepted clip = ClipIntake.accept(media, artifacts, out,
        request.durationSeconds(), "replicate (" + label + ")", "map the length into the "
            + "model's input with {seconds} or {frames} in " + ReplicateConfig.INPUT_VARIABLE);
    return new Rendered(clip.clip(), clip.seconds(), EngineInfo.newBuilder().setEngine("replicate")
        .setModel(config.model().orElse(""))
        .setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  /** The recorded prediction when there is one; otherwise a new one, recorded at once. */
  private String submitOrReattach(ClipRequest request, int seconds, String label)
      throws IOException {
    java.util.Optional<String> known = job(request.stepKey()).recordedId();
    if (known.isPresent()) {
      return known.get();
    }
    Map<String, Object> values = new HashMap<>();
    values.put("prompt", request.prompt() == null || request.prompt().getPrompt().isBlank()
        ? "gentle cinematic motion continuing this frame" : request.prompt().getPrompt());
    values.put("negative_prompt", request.prompt() == null ? ""
        : request.prompt().getNegativePrompt());
    values.put("image", dataUrl("start_frame", request.startFrame()));
    // No end frame when the model takes none (its template has no {end_image}).
    values.put("end_image", request.endFrame() == null ? ""
        : dataUrl("end_frame", request.endFrame()));
    values.put("seconds", seconds);
    values.put("duration", request.durationSeconds());
    values.put("fps", (long) Math.round(request.fps()));
    values.put("frames", (long) Math.ceil(request.durationSeconds() * request.fps()));
    values.put("width", (long) request.size().width());
    values.put("height", (long) request.size().height());
    values.put("aspect_ratio", aspect(request.size().width(), request.size().height()));
    CostLine estimate = estimate(config, seconds, label);
    try (Spend.Hold hold = spend.hold(estimate)) {
      Prediction created;
      try {
        created = api.create(ReplicateInput.fill(config.input(), values),
            hooks.settings().callbackUrl("replicate"), "replicate create (" + label + ")");
      } catch (StatusRuntimeException e) {
        if (e.getCause() instanceof ReplicateApi.HttpFailure f
            && (f.status == 404 || f.status == 410)) {
          // Released unsettled: a model that is gone (or never was) is not charged for.
          throw new ModelUnavailable("replicate", config.model().orElse(""),
              e.getStatus().getDescription());
        }
        throw e;
      }
      if (created.id().isBlank()) {
        throw Status.UNAVAILABLE.withDescription("replicate create (" + label + "): the answer "
            + "has no prediction id").asRuntimeException();
      }
      // Charged at creation, with the id in the same transaction, before any polling.
      hold.settle(estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros()).build(),
          job(request.stepKey()).idKey(), ProviderJob.record(created.id()));
      return created.id();
    }
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

  private String dataUrl(String field, ArtifactRef frame) throws IOException {
    Path path = artifacts.resolveExisting(field, frame);
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String type = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "image/png";
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(
        Files.readAllBytes(path));
  }

  /** Polls with backoff until the prediction ends; cancels it when the job is cancelled. */
  private Prediction awaitDone(String id, String label, String stepKey) {
    long deadline = System.nanoTime() + config.pollTimeout().toNanos();
    Duration wait = config.pollInitial();
    while (true) {
      Prediction p;
      try {
        p = api.get(id, "replicate status (" + label + ")");
      } catch (StatusRuntimeException e) {
        if (Context.current().isCancelled()) {
          // A cancel that lands during a status call, not between polls, still cancels the
          // prediction (or keeps it on an engine stop), as RemoteJobs.awaitDone does.
          stopped(id, label);
        }
        throw e;
      }
      if (p.succeeded()) {
        return p;
      }
      if (p.ended()) {
        job(stepKey).forgetId(); // a retry submits anew (and is held anew)
        String reason = p.error().isBlank() ? p.status() : p.error();
        Status code = reason.toLowerCase(Locale.ROOT).matches(".*(nsfw|safety|flagged|sensitive).*")
            ? Status.INVALID_ARGUMENT : Status.UNAVAILABLE;
        throw code.withDescription("replicate (" + label + "): prediction " + id + " "
            + p.status() + ": " + reason).asRuntimeException();
      }
      if (System.nanoTime() + wait.toNanos() > deadline) {
        throw Status.DEADLINE_EXCEEDED.withDescription("replicate (" + label + "): prediction "
            + id + " still " + p.status() + " after " + config.pollTimeout().toSeconds()
            + " s; a later run re-attaches to it").asRuntimeException();
      }
      pause(wait, id, label);
      wait = ProviderCalls.doubled(wait, config.pollMax());
    }
  }

  private void pause(Duration pause, String id, String label) {
    // A verified completion callback for this prediction ends the pause at once.
    ProviderCalls.pause(pause, "replicate (" + label + ")", () -> stopped(id, label),
        () -> hooks.wakeups().take("replicate", id));
  }

  /** The job's Context is cancelled: by an engine stop (keep the prediction) or the user. */
  private void stopped(String id, String label) {
    if (Context.current().cancellationCause() instanceof EngineStopping) {
      // Not the user: the prediction goes on and the next start re-attaches to it.
      throw Status.CANCELLED.withDescription("replicate (" + label + "): engine stopping; "
          + "prediction " + id + " is kept for the next run").asRuntimeException();
    }
    cancelQuietly(id, label);
  }

  /**
   * Asks the provider to cancel, under a fresh Context (the job's is cancelled, and a call under
   * it would not start). Either way the step ends CANCELLED; the description says whether the
   * prediction was stopped, since one that was not may still be billed.
   */
  private void cancelQuietly(String id, String label) {
    String outcome;
    try {
      Context.ROOT.run(() -> api.cancel(id, "replicate cancel (" + label + ")"));
      outcome = "prediction " + id + " cancelled";
    } catch (StatusRuntimeException e) {
      outcome = "prediction " + id + " could not be cancelled (" + e.getStatus().getDescription()
          + ") and may still be billed";
    }
    throw Status.CANCELLED.withDescription("replicate (" + label + "): job cancelled; "
        + outcome).asRuntimeException();
  }
}
