package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.orchestrator.job.EngineStopping;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The money and crash rules every asynchronous paid video provider keeps, written once: the
 * clip's estimate is held before the create call; the provider's job id is recorded with the
 * charge in one transaction BEFORE polling, so a restarted engine re-attaches instead of paying
 * again; polls back off; a user's cancel cancels the provider's job (an engine stop keeps it for
 * the next run); the output is downloaded at once (its URL expires) and checked
 * ({@link DeliveredClip}). A vendor supplies only its protocol.
 */
public abstract class RemoteVideoProvider implements VideoProvider {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteVideoProvider.class);
  private final String name;
  protected final String model;
  protected final ProviderResources resources;
  private final CallTimings timings;

  protected RemoteVideoProvider(String name, String model, ProviderResources resources,
      CallTimings timings) {
    this.name = name;
    this.model = model;
    this.resources = resources;
    this.timings = timings;
  }

  @Override
  public final String name() {
    return name;
  }

  /** What the model accepts: the clip's length is snapped to its allowed seconds. */
  protected abstract Capabilities capabilities();

  /**
   * The line held for the clip: exactly the registry entry's estimate for these seconds, with
   * {@code label} "clip 2".
   */
  protected abstract CostLine estimate(ClipRequest request, double seconds, String label);

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

  @Override
  public final Rendered render(ClipRequest request) throws IOException {
    long started = System.nanoTime();
    String label = name + " (clip " + (request.clipIndex() + 1) + ")";
    double seconds = capabilities().snap(request.durationSeconds());
    Path out = resources.artifacts().resolve("clip", request.outputPath());
    ProviderJob job = ProviderJob.of(resources.memo(), request.stepKey(), name, "job");
    if (job.recordedId().isEmpty() || !Files.isRegularFile(out)) {
      String id = job.recordedId().isPresent() ? job.recordedId().get()
          : submit(request, seconds, label, job);
      String url = awaitDone(id, label, job);
      download(url, out, label);
    }
    DeliveredClip clip = DeliveredClip.check(label, out, Math.min(seconds,
        request.durationSeconds()), resources.artifacts(), resources.media());
    return new Rendered(clip.clip(), clip.seconds(), EngineInfo.newBuilder().setEngine(name)
        .setModel(model).setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  private String submit(ClipRequest request, double seconds, String label, ProviderJob job)
      throws IOException {
    CostLine estimate = estimate(request, seconds, "clip " + (request.clipIndex() + 1));
    try (Spend.Hold hold = resources.spend().hold(estimate)) {
      String id = create(request, seconds, label);
      if (id == null || id.isBlank()) {
        throw Status.UNAVAILABLE.withDescription(label + ": the create answer has no job id")
            .asRuntimeException();
      }
      // Video providers bill at creation: charged with the id in one transaction, before polling.
      hold.settle(estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros()).build(),
          job.idKey(), ProviderJob.record(id));
      return id;
    }
  }

  private String awaitDone(String id, String label, ProviderJob job) {
    long deadline = System.nanoTime() + timings.pollTimeout().toNanos();
    Duration wait = timings.pollInitial();
    String lastNote = "";
    while (true) {
      RemotePoll poll;
      try {
        poll = poll(id, label);
      } catch (StatusRuntimeException e) {
        if (Context.current().isCancelled()) {
          cancelled(id, label); // a cancel that arrived between polls is still honoured
        }
        throw e;
      }
      if (poll instanceof RemotePoll.Done done) {
        return done.url();
      }
      if (poll instanceof RemotePoll.Failed failed) {
        job.forgetId(); // a retry submits anew (and is held anew)
        Status status = failed.refused() ? Status.INVALID_ARGUMENT : Status.UNAVAILABLE;
        throw status.withDescription(label + ": job " + id + (failed.refused()
            ? " refused by the provider: " : " failed: ") + failed.words()).asRuntimeException();
      }
      String note = ((RemotePoll.Running) poll).note();
      if (!note.isBlank() && !note.equals(lastNote)) {
        // Queue position is not a job event (the events are the stages' own); operators see it.
        LOG.info("{}: job {} {}", label, id, note);
        lastNote = note;
      }
      if (System.nanoTime() + wait.toNanos() > deadline) {
        throw Status.DEADLINE_EXCEEDED.withDescription(label + ": job " + id + " still running "
            + "after " + timings.pollTimeout().toSeconds() + " s; a later run re-attaches to it")
            .asRuntimeException();
      }
      pause(wait, id, label);
      wait = ProviderCalls.doubled(wait, timings.pollMax());
    }
  }

  private void pause(Duration pause, String id, String label) {
    ProviderCalls.pause(pause, label, () -> cancelled(id, label));
  }

  /** The job's Context is cancelled: by an engine stop (keep the job) or the user (cancel it). */
  private void cancelled(String id, String label) {
    if (Context.current().cancellationCause() instanceof EngineStopping) {
      // Not the user: the provider's job goes on and the next start re-attaches to it.
      throw Status.CANCELLED.withDescription(label + ": engine stopping; job " + id
          + " is kept for the next run").asRuntimeException();
    }
    cancelAndSay(id, label);
  }

  /**
   * Cancels under a fresh Context (the job's is cancelled, and a call under it would not start).
   * Either way the step ends CANCELLED; the description says whether the provider's job was
   * stopped, since one that was not may still be billed.
   */
  private void cancelAndSay(String id, String label) {
    String outcome;
    try {
      Context.ROOT.run(() -> cancel(id, label + " cancel"));
      outcome = "job " + id + " cancelled at the provider";
    } catch (StatusRuntimeException e) {
      outcome = "job " + id + " could not be cancelled (" + e.getStatus().getDescription()
          + ") and may still be billed";
    }
    throw Status.CANCELLED.withDescription(label + ": job cancelled; " + outcome)
        .asRuntimeException();
  }
}
