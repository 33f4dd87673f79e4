package dev.reelmesh.orchestrator.provider.remote;

import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.ClipIntake;
import dev.reelmesh.orchestrator.provider.video.ProviderJob;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The money and crash rules every asynchronous paid video provider keeps, written once: the
 * clip's estimate is held before the create call; the provider's job id is recorded with the
 * charge in one transaction BEFORE polling, so a restarted engine re-attaches instead of paying
 * again; polls back off; a user's cancel cancels the provider's job (an engine stop keeps it for
 * the next run); the output is downloaded at once (its URL expires) and checked
 * ({@link ClipIntake}). A vendor supplies only its protocol.
 */
public abstract class RemoteVideoProvider implements VideoProvider {
  private final VideoEntry entry;
  protected final String model;
  protected final ProviderResources resources;
  private final CallTimings timings;

  /** @param model the model's id; capabilities and the held line are the entry's for it */
  protected RemoteVideoProvider(VideoEntry entry, String model, ProviderResources resources,
      CallTimings timings) {
    this.entry = entry;
    this.model = model;
    this.resources = resources;
    this.timings = timings;
  }

  @Override
  public final String name() {
    return entry.name();
  }

  /**
   * Starts the provider's job and returns its id; throws ModelUnavailable when the provider
   * says the model cannot be used (nothing is charged then).
   */
  protected abstract String create(ClipRequest request, double seconds, String label)
      throws IOException;

  protected abstract RemotePoll poll(String id, String label);

  /** Asks the provider to stop the job (and its billing). */
  protected abstract void cancel(String id, String label);

  /** Copies the output at {@code url} to {@code out}. */
  protected abstract void download(String url, Path out, String label);

  /**
   * The name the job id is recorded under ({@link ProviderJob#of}); a provider that recorded it
   * under another name before keeps that name, so jobs in flight across an upgrade re-attach.
   */
  protected String jobIdName() {
    return "job";
  }

  /** Whether a verified completion callback came for job {@code id}: polls it at once. */
  protected boolean woken(String id) {
    return false;
  }

  /** What a person can change when the delivered clip is too short ("" = nothing to add). */
  protected String tooShortHint() {
    return "";
  }

  @Override
  public final Rendered render(ClipRequest request) throws IOException {
    long started = System.nanoTime();
    String name = entry.name();
    String label = name + " (clip " + (request.clipIndex() + 1) + ")";
    // Snapped to the model's allowed seconds; the held line is exactly the entry's for them.
    double seconds = entry.capabilities(model).snap(request.durationSeconds());
    Path out = resources.artifacts().resolve("clip", request.outputPath());
    ProviderJob job = ProviderJob.of(resources.memo(), request.stepKey(), name, jobIdName());
    if (job.recordedId().isEmpty() || !Files.isRegularFile(out)) {
      String id = job.recordedId().isPresent() ? job.recordedId().get()
          : submit(request, seconds, label, job);
      String url = awaitDone(id, label, job);
      download(url, out, label);
    }
    ClipIntake.Accepted clip = ClipIntake.accept(resources.media(), resources.artifacts(), out,
        Math.min(seconds, request.durationSeconds()), label, tooShortHint());
    return new Rendered(clip.clip(), clip.seconds(), EngineInfo.newBuilder().setEngine(name)
        .setModel(model).setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  private String submit(ClipRequest request, double seconds, String label, ProviderJob job)
      throws IOException {
    CostLine estimate = entry.estimate(model, seconds, request.size().width(),
        request.size().height(), "clip " + (request.clipIndex() + 1));
    return RemoteJobs.submit(resources.spend(), estimate, job.idKey(), label,
        () -> create(request, seconds, label));
  }

  private String awaitDone(String id, String label, ProviderJob job) {
    return RemoteJobs.awaitDone(new RemoteJobs.Protocol() {
      @Override
      public RemotePoll poll(String id, String label) {
        return RemoteVideoProvider.this.poll(id, label);
      }

      @Override
      public void cancel(String id, String label) {
        RemoteVideoProvider.this.cancel(id, label);
      }

      @Override
      public boolean woken(String id) {
        return RemoteVideoProvider.this.woken(id);
      }
    }, id, label, timings, job::forgetId);
  }
}
