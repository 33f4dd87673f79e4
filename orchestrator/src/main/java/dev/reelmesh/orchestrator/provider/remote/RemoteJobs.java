package dev.reelmesh.orchestrator.provider.remote;

import com.google.protobuf.StringValue;
import dev.reelmesh.orchestrator.provider.EngineStopping;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.QueueListener;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.v1.CostLine;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two halves of a paid job at an asynchronous provider, shared by the video and image
 * providers: create it under a budget hold, recording its id with the charge in one transaction
 * BEFORE polling (a restarted engine re-attaches instead of paying again); then poll it with
 * backoff until it ends, cancelling it at the provider when the user cancels the job (an engine
 * stop keeps it for the next run).
 */
public final class RemoteJobs {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteJobs.class);

  private RemoteJobs() {}

  /** A provider's protocol for one of its jobs. */
  public interface Protocol {
    RemotePoll poll(String id, String label);

    /** Asks the provider to stop the job (and its billing). */
    void cancel(String id, String label);

    /**
     * Whether a verified completion callback came for job {@code id} since the last poll: the
     * wait before the next poll then ends at once (polling stays the safety net).
     */
    default boolean woken(String id) {
      return false;
    }
  }

  /** Starts the job and answers its id (may throw ModelUnavailable: nothing is charged then). */
  public interface Create {
    String create() throws IOException;
  }

  /**
   * Holds {@code estimate}, creates the job, and settles the hold at its estimate with the job's
   * id recorded as step {@code idKey}: providers bill at creation.
   */
  public static String submit(Spend spend, CostLine estimate, String idKey, String label,
      Create create) throws IOException {
    try (Spend.Hold hold = spend.hold(estimate)) {
      String id;
      try {
        id = create.create();
      } catch (StatusRuntimeException e) {
        // UNKNOWN: the create was sent and its answer lost (ProviderHttp.create): the provider
        // may bill a job we cannot name, so its estimate stays charged, unreconciled.
        if (e.getStatus().getCode() == Status.Code.UNKNOWN) {
          hold.mayHavePaid();
        }
        throw e;
      }
      if (id == null || id.isBlank()) {
        throw Status.UNAVAILABLE.withDescription(label + ": the create answer has no job id")
            .asRuntimeException();
      }
      hold.settle(estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros()).build(),
          idKey, StringValue.of(id));
      return id;
    }
  }

  /**
   * Polls until the job is done and answers its output URL. A failed job runs {@code forget}
   * (a retry then submits anew, held anew) and ends INVALID_ARGUMENT when the provider refused
   * it, UNAVAILABLE otherwise, in the provider's words.
   */
  public static String awaitDone(Protocol protocol, String id, String label, CallTimings timings,
      Runnable forget) {
    long deadline = System.nanoTime() + timings.pollTimeout().toNanos();
    Duration wait = timings.pollInitial();
    String lastNote = "";
    int lastPosition = -1;
    while (true) {
      RemotePoll poll;
      try {
        poll = protocol.poll(id, label);
      } catch (StatusRuntimeException e) {
        if (Context.current().isCancelled()) {
          cancelled(protocol, id, label); // a cancel that arrived between polls still counts
        }
        throw e;
      }
      if (poll instanceof RemotePoll.Done done) {
        return done.url();
      }
      if (poll instanceof RemotePoll.Failed failed) {
        forget.run();
        Status status = failed.refused() ? Status.INVALID_ARGUMENT : Status.UNAVAILABLE;
        throw status.withDescription(label + ": job " + id + (failed.refused()
            ? " refused by the provider: " : " failed: ") + failed.words()).asRuntimeException();
      }
      RemotePoll.Running running = (RemotePoll.Running) poll;
      String note = running.note();
      if (!note.isBlank() && !note.equals(lastNote)) {
        LOG.info("{}: job {} {}", label, id, note);
        lastNote = note;
      }
      if (running.queuePosition() >= 0 && running.queuePosition() != lastPosition) {
        // Each new place in the queue is a job event: the caller sees why a clip waits.
        QueueListener.report(label, id, running.queuePosition());
        lastPosition = running.queuePosition();
      }
      if (System.nanoTime() + wait.toNanos() > deadline) {
        throw Status.DEADLINE_EXCEEDED.withDescription(label + ": job " + id + " still running "
            + "after " + timings.pollTimeout().toSeconds() + " s; a later run re-attaches to it")
            .asRuntimeException();
      }
      ProviderCalls.pause(wait, label, () -> cancelled(protocol, id, label),
          () -> protocol.woken(id));
      wait = ProviderCalls.doubled(wait, timings.pollMax());
    }
  }

  /** The job's Context is cancelled: by an engine stop (keep the job) or the user (cancel it). */
  private static void cancelled(Protocol protocol, String id, String label) {
    if (Context.current().cancellationCause() instanceof EngineStopping) {
      // Not the user: the provider's job goes on and the next start re-attaches to it.
      throw Status.CANCELLED.withDescription(label + ": engine stopping; job " + id
          + " is kept for the next run").asRuntimeException();
    }
    // Under a fresh Context: the job's is cancelled, and a call under it would not start. The
    // description says whether the job was stopped, since one that was not may still be billed.
    String outcome;
    try {
      Context.ROOT.run(() -> protocol.cancel(id, label + " cancel"));
      outcome = "job " + id + " cancelled at the provider";
    } catch (StatusRuntimeException e) {
      outcome = "job " + id + " could not be cancelled (" + e.getStatus().getDescription()
          + ") and may still be billed";
    }
    throw Status.CANCELLED.withDescription(label + ": job cancelled; " + outcome)
        .asRuntimeException();
  }
}
