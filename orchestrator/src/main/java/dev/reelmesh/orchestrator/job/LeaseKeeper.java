package dev.reelmesh.orchestrator.job;

import dev.reelmesh.orchestrator.store.JobStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many orchestrators, one store: a job runs under its orchestrator's lease, renewed (the
 * heartbeat) three times per lease period. A run whose lease could not be renewed stops, so no
 * step runs twice at once; a job whose lease ran out (its orchestrator died) is taken over by
 * the next orchestrator that looks, within about one lease period. A cancel asked of another
 * orchestrator is recorded in the store and seen here at the next heartbeat (a third of the
 * lease period), which cancels the run. Jobs other orchestrators run
 * are mirrored from the store, so any orchestrator streams any job's events, live.
 */
final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  /** What the keeper asks of the engine. */
  interface Engine {
    Iterable<String> running();

    /** The lease of a running job is lost: stop its run, keep its state. */
    void lost(String jobId);

    /** A cancel of a job this orchestrator runs was asked of another orchestrator. */
    void cancelAsked(String jobId, String reason);

    /** Take over an orphaned job: lease it and resume it. */
    void takeOver(String jobId);

    /** Bring mirrored jobs (run elsewhere) up to date from the store. */
    void refreshMirrors();
  }

  private final JobStore store;
  private final String owner;
  private final Duration ttl;
  private final Engine engine;
  /** The heartbeat alone, so slow mirroring or a takeover never makes a renewal late. */
  private final ScheduledExecutorService ticker;
  /** Mirrors and takeovers: reading other orchestrators' work from the store. */
  private final ScheduledExecutorService reader;

  LeaseKeeper(JobStore store, String owner, Duration ttl, Engine engine) {
    this.store = store;
    this.owner = owner;
    this.ttl = ttl;
    this.engine = engine;
    this.ticker = daemon("reelmesh-leases");
    this.reader = daemon("reelmesh-mirrors");
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  void start(Duration mirrorEvery) {
    long beat = Math.max(50, ttl.toMillis() / 3);
    ticker.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    reader.scheduleWithFixedDelay(this::takeOverOrphans, beat, beat, TimeUnit.MILLISECONDS);
    long mirror = Math.max(10, mirrorEvery.toMillis());
    reader.scheduleWithFixedDelay(() -> guarded("refresh mirrored jobs",
        engine::refreshMirrors), mirror, mirror, TimeUnit.MILLISECONDS);
  }

  /** Takes (or renews) the job's lease for this orchestrator. */
  boolean lease(String jobId) {
    return store.lease(jobId, owner, ttl);
  }

  void unlease(String jobId) {
    store.unlease(jobId, owner);
  }

  String owner() {
    return owner;
  }

  private void beat() {
    guarded("renew leases", () -> {
      for (String jobId : engine.running()) {
        if (!lease(jobId)) {
          LOG.warn("lost the lease of {} (another orchestrator took it over); stopping its run",
              jobId);
          engine.lost(jobId);
        }
      }
    });
    guarded("read the cancels asked elsewhere", () -> store.cancelRequests(owner)
        .forEach(engine::cancelAsked));
  }

  private void takeOverOrphans() {
    guarded("take over orphaned jobs", () -> {
      for (String jobId : store.orphans()) {
        engine.takeOver(jobId);
      }
    });
  }

  private static void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // The store may be briefly unreachable: the next tick tries again.
      LOG.warn("cannot {}: {}", what, e.toString());
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    reader.shutdownNow();
  }
}
