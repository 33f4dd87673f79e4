package dev.reelmesh.orchestrator.job;

import com.google.protobuf.Timestamp;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.registry.ProviderRegistry;
import dev.reelmesh.orchestrator.spec.JobSpecs;
import dev.reelmesh.orchestrator.store.FileStoreImport;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.tenant.Tenants;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import io.grpc.Status;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs. Job runs are blocking (they wait on the services' RPCs), so they execute on a
 * bounded Vert.x worker pool, never on an event loop; clip renders use a second pool. State and
 * events are persisted; on start the engine resumes every job a crash interrupted.
 */
public final class JobEngine implements AutoCloseable {
  private final Vertx vertx;
  private final WorkerExecutor jobsPool;
  private final WorkerExecutor clipsPool;
  private final JobStore store;
  private final ArtifactStore artifacts;
  private final MeshSettings settings;
  private final MeshChannels channels;
  private final ProviderRegistry providers;
  /** Runs a job through its stages; the engine never builds a stage itself. */
  private final JobRunner runner;
  private final dev.reelmesh.common.fetch.UrlFetcher fetcher;
  private final Ledger ledger;
  private final Map<String, JobRuntime> jobs = new ConcurrentHashMap<>();
  private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  /**
   * Jobs being submitted, or whose regeneration is being worked out (an LLM call), before they
   * run: not orphans to the lease keeper, not mirrored.
   */
  private final Set<String> preparing = ConcurrentHashMap.newKeySet();

  /**
   * @param fetch which hosts reference images given by URL may be fetched from
   * @param owner this orchestrator's name in job leases; null: host and state directory, so a
   *     restarted orchestrator resumes its own jobs at once (REELMESH_ORCHESTRATOR_ID)
   * @param leaseTtl how long a job's lease lasts without a heartbeat: the takeover time when an
   *     orchestrator dies (REELMESH_LEASE_SECONDS, default 15 s)
   */
  public record Options(int maxConcurrentJobs, int clipWorkers, long monthlyLimitMicros,
      dev.reelmesh.common.fetch.FetchPolicy fetch, String owner, java.time.Duration leaseTtl) {
    public static final java.time.Duration DEFAULT_LEASE = java.time.Duration.ofSeconds(15);

    public Options(int maxConcurrentJobs, int clipWorkers, long monthlyLimitMicros,
        dev.reelmesh.common.fetch.FetchPolicy fetch) {
      this(maxConcurrentJobs, clipWorkers, monthlyLimitMicros, fetch, null, DEFAULT_LEASE);
    }

    public Options(int maxConcurrentJobs, int clipWorkers, long monthlyLimitMicros) {
      this(maxConcurrentJobs, clipWorkers, monthlyLimitMicros,
          dev.reelmesh.common.fetch.FetchPolicy.DISABLED);
    }

    /** Same options, leasing jobs as {@code owner} for {@code ttl}. */
    public Options withLease(String owner, java.time.Duration ttl) {
      return new Options(maxConcurrentJobs, clipWorkers, monthlyLimitMicros, fetch, owner, ttl);
    }

    public static Options defaults() {
      String seconds = System.getenv("REELMESH_LEASE_SECONDS");
      return new Options(2, 8, Ledger.limitFromEnv(
          System.getenv("REELMESH_MONTHLY_LIMIT_USD")),
          dev.reelmesh.common.fetch.FetchPolicy.fromEnv(System.getenv()),
          System.getenv("REELMESH_ORCHESTRATOR_ID"), seconds == null || seconds.isBlank()
              ? DEFAULT_LEASE : java.time.Duration.ofMillis(
                  Math.round(Double.parseDouble(seconds.strip()) * 1000)));
    }
  }

  private final LeaseKeeper leases;
  private final java.time.Duration leaseTtl;
  /** Metrics, traces and the job id in log lines: fed by the jobs' events and runs. */
  private final RunObserver observer;

  /**
   * @param providers which paid providers jobs may choose, and their settings
   * @param runner runs each job through its stages
   * @param observer watches the jobs and their runs (metrics, traces, log lines)
   */
  public JobEngine(MeshSettings settings, MeshChannels channels, ProviderRegistry providers,
      Options options, JobStore store, JobRunner runner, RunObserver observer) {
    this.runner = runner;
    this.observer = observer;
    this.vertx = Vertx.vertx();
    this.jobsPool = vertx.createSharedWorkerExecutor("reelmesh-jobs", options.maxConcurrentJobs(),
        1, TimeUnit.DAYS);
    this.clipsPool = vertx.createSharedWorkerExecutor("reelmesh-clips", options.clipWorkers(),
        1, TimeUnit.DAYS);
    this.store = store;
    this.settings = settings;
    this.artifacts = new ArtifactStore(settings.artifactRoot());
    this.channels = channels;
    this.providers = providers;
    this.fetcher = new dev.reelmesh.common.fetch.UrlFetcher(options.fetch());
    this.ledger = new Ledger(store, options.monthlyLimitMicros(), Clock.systemUTC());
    this.leaseTtl = options.leaseTtl();
    this.leases = new LeaseKeeper(store, options.owner() != null ? options.owner()
        : defaultOwner(settings), options.leaseTtl(), new LeaseKeeper.Engine() {
          @Override
          public Iterable<String> running() {
            return List.copyOf(running);
          }

          @Override
          public void lost(String jobId) {
            JobRuntime job = jobs.get(jobId);
            if (job != null) {
              job.stopForShutdown();
            }
          }

          @Override
          public void cancelAsked(String jobId, String reason) {
            JobRuntime job = jobs.get(jobId);
            if (job != null && running.contains(jobId) && !job.cancelRequested()) {
              org.slf4j.LoggerFactory.getLogger(JobEngine.class).info(
                  "cancelling {}, as asked of another orchestrator: {}", jobId, reason);
              job.requestCancel(reason);
            }
          }

          @Override
          public void takeOver(String jobId) {
            JobEngine.this.takeOver(jobId);
          }

          @Override
          public void refreshMirrors() {
            JobEngine.this.refreshMirrors();
          }
        });
  }

  public Ledger ledger() {
    return ledger;
  }

  private JobRuntime track(JobRuntime runtime) {
    observer.attach(runtime);
    jobs.put(runtime.id(), runtime);
    return runtime;
  }

  private JobRuntime restore(Job job) {
    return new JobRuntime(ledger, job, store.events(job.getJobId(), 0, Integer.MAX_VALUE),
        store.bill(job.getJobId()), leases.owner());
  }

  /**
   * Imports an old file-store data directory (once), loads the jobs that have not ended and
   * resumes those a crash or shutdown interrupted. Ended jobs stay in the store until asked for
   * ({@link #get}, {@link #all}), so start-up does not grow with the store's history.
   */
  public JobEngine start() {
    FileStoreImport.Imported imported = FileStoreImport.importOnce(settings.stateDir(), store);
    if (imported != null) {
      org.slf4j.LoggerFactory.getLogger(JobEngine.class).info("imported {} jobs ({} charged, "
          + "{} on no job's bill) from the file store in {}", imported.jobs(),
          imported.chargedMicros() / 1e6, imported.unattributedMicros() / 1e6,
          settings.stateDir());
    }
    for (Job job : store.loadNotEnded()) {
      JobRuntime runtime = track(restore(job));
      if (!job.getIdempotencyKey().isEmpty()) {
        byIdempotencyKey.put(scoped(Tenants.of(job), job.getIdempotencyKey()), job.getJobId());
      }
      if ((job.getState() == JobState.JOB_STATE_RUNNING
          || job.getState() == JobState.JOB_STATE_QUEUED) && leases.lease(job.getJobId())) {
        resume(runtime);
      }
    }
    leases.start(java.time.Duration.ofMillis(50));
    return this;
  }

  private static String defaultOwner(MeshSettings settings) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return host + ":" + settings.stateDir().toAbsolutePath().normalize();
  }

  /** A job whose orchestrator died (its lease ran out): taken over and resumed here. */
  private synchronized void takeOver(String jobId) {
    if (running.contains(jobId) || preparing.contains(jobId) || !leases.lease(jobId)) {
      return;
    }
    Optional<Job> stored = store.load(jobId);
    if (stored.isEmpty() || JobRuntime.isTerminal(stored.get().getState())) {
      leases.unlease(jobId);
      return;
    }
    try {
      JobRuntime runtime = restore(stored.get());
      JobRuntime old = jobs.put(jobId, runtime);
      if (old != null) {
        old.log().handOver(runtime.log());
      }
      org.slf4j.LoggerFactory.getLogger(JobEngine.class).info("taking over {} as {}", jobId,
          leases.owner());
      resume(runtime);
    } catch (RuntimeException e) {
      // Not left leased and idle (nobody would run it until the lease ran out): freed, so the
      // next heartbeat, here or elsewhere, takes it over again.
      if (!running.contains(jobId)) {
        leases.unlease(jobId);
      }
      throw e;
    }
  }

  /** Watched jobs run by other orchestrators: their new events and state, from the store. */
  private void refreshMirrors() {
    for (JobRuntime job : jobs.values()) {
      if (!running.contains(job.id()) && !preparing.contains(job.id())
          && job.log().hasListeners()) {
        refresh(job);
      }
    }
  }

  private void refresh(JobRuntime job) {
    List<JobEvent> newer = store.events(job.id(), job.log().lastSequence(), 1000);
    if (!newer.isEmpty()) {
      store.load(job.id()).ifPresent(stored -> job.mirror(stored, newer, store.bill(job.id())));
    }
  }

  /**
   * Picks up a job whose run died: calls it had in flight are charged at their estimate and
   * marked unreconciled (nobody knows whether the provider billed them), then it runs again,
   * every finished step kept.
   */
  private void resume(JobRuntime runtime) {
    Job current = runtime.snapshot(); // progress as of the last event, not the snapshot
    runtime.startRun(current.getPercent());
    java.util.List<dev.reelmesh.v1.CostLine> lost = store.unreconcile(runtime.id());
    if (!lost.isEmpty()) {
      long micros = lost.stream().mapToLong(dev.reelmesh.v1.CostLine::getActualMicros).sum();
      runtime.charged(lost);
      // None can be re-attached to: a provider job's id is recorded in the transaction that
      // charges it, so a call still held never got its answer recorded here.
      String calls = lost.stream().map(l -> l.getProvider() + " " + l.getItem())
          .collect(java.util.stream.Collectors.joining("; "));
      runtime.warn(current.getStage(), current.getPercent(), "unreconciled_calls", lost.size()
          + " paid call(s) were in flight when the run stopped (" + calls + "); their outcome "
          + "is unknown, so they are charged at their estimate ($" + micros / 1e6 + "), left "
          + "unreconciled, and may be made again");
    }
    Optional<String> asked = store.cancelRequest(runtime.id());
    if (asked.isPresent()) {
      // Cancelled while its orchestrator was gone: not resumed.
      runtime.state(JobState.JOB_STATE_CANCELLED, "job cancelled: " + asked.get());
      leases.unlease(runtime.id());
      return;
    }
    runtime.event(current.getStage(), current.getPercent(),
        "resuming after a restart: finished steps are kept");
    launch(runtime);
  }

  public record Submitted(Job job, boolean deduplicated) {}

  /** A job of the default tenant (a mesh without authentication). */
  public Submitted submit(JobSpec spec, String idempotencyKey) {
    return submit(spec, idempotencyKey, Tenants.DEFAULT);
  }

  /** An idempotency key names one job per tenant. */
  private static String scoped(String tenant, String key) {
    return tenant + "\n" + key;
  }

  /** A job of {@code tenant}: only it (and admins) will see the job. */
  public Submitted submit(JobSpec spec, String idempotencyKey, String tenant) {
    JobSpec filled = JobSpecs.validateAndFill(spec, providers);
    // What the job will fetch or read is checked now (fetching off, host not allowed, file
    // missing), not when the job reaches it after paid calls.
    for (int i = 0; i < filled.getReferencesCount(); i++) {
      ImageSource image = filled.getReferences(i).getImage();
      if (image.hasUrl()) {
        fetcher.check("spec.references[" + i + "].image.url", image.getUrl());
      } else if (image.hasArtifact()) {
        artifacts.resolveExisting("spec.references[" + i + "].image.artifact",
            image.getArtifact());
      }
    }
    if (filled.getMusic().hasFile()) {
      artifacts.resolveExisting("spec.music.file", filled.getMusic().getFile());
    }
    String key = idempotencyKey == null ? "" : idempotencyKey.strip();
    if (key.length() > 200) {
      throw Status.INVALID_ARGUMENT.withDescription("idempotency_key: at most 200 characters")
          .asRuntimeException();
    }
    String tenantKey = scoped(tenant, key);
    synchronized (byIdempotencyKey) {
      if (!key.isEmpty() && byIdempotencyKey.containsKey(tenantKey)) {
        return new Submitted(jobs.get(byIdempotencyKey.get(tenantKey)).snapshot(), true);
      }
      String id = "job-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      Timestamp now = now();
      Job job = Job.newBuilder().setJobId(id).setSpec(filled).setState(JobState.JOB_STATE_QUEUED)
          .setStage(Stage.STAGE_PLAN).setCreated(now).setUpdated(now).setIdempotencyKey(key)
          .setTenant(tenant).build();
      // Not an orphan to the lease keeper while it is stored but not yet launched.
      preparing.add(id);
      try {
        Optional<String> existing = store.insert(job);
        if (existing.isPresent()) {
          // Another orchestrator took the key first: the job is theirs (and ours to serve).
          byIdempotencyKey.put(tenantKey, existing.get());
          return new Submitted(get(existing.get()).snapshot(), true);
        }
        JobRuntime runtime = track(new JobRuntime(ledger, job, List.of(), List.of(),
            leases.owner()));
        if (!key.isEmpty()) {
          byIdempotencyKey.put(tenantKey, id);
        }
        runtime.event(Stage.STAGE_PLAN, runner.startOf(Stage.STAGE_PLAN), "queued",
            e -> e.setState(JobState.JOB_STATE_QUEUED));
        launch(runtime);
        return new Submitted(runtime.snapshot(), false);
      } finally {
        preparing.remove(id);
      }
    }
  }

  public JobRuntime get(String jobId) {
    if (jobId == null || jobId.isBlank()) {
      throw Status.INVALID_ARGUMENT.withDescription("job_id: must not be empty")
          .asRuntimeException();
    }
    JobRuntime runtime = jobs.get(jobId);
    if (runtime == null) {
      // Ended before this start (read now, once), or submitted to another orchestrator: served
      // here from the store, mirrored while watched.
      runtime = store.load(jobId).map(this::holdStored).orElse(null);
    }
    if (runtime != null && !running.contains(jobId) && !preparing.contains(jobId)) {
      refresh(runtime); // it may be running on another orchestrator
    }
    if (runtime == null) {
      throw Status.NOT_FOUND.withDescription("no job '" + jobId + "'").asRuntimeException();
    }
    return runtime;
  }

  /**
   * A stored job this engine does not hold yet, restored with its events and bill. An ended one
   * is held from now on as a job restored at start was (observed: counted, and its regeneration
   * measured); one running elsewhere is only mirrored.
   */
  private JobRuntime holdStored(Job job) {
    return jobs.computeIfAbsent(job.getJobId(), id -> {
      JobRuntime runtime = restore(job);
      if (JobRuntime.isTerminal(job.getState())) {
        observer.attach(runtime);
      }
      return runtime;
    });
  }

  /**
   * Every job (any orchestrator's), newest first: the held ones as of their last event, the
   * others (ended before this start, or another orchestrator's) as stored, which for an ended
   * job is its snapshot written with its last event.
   */
  public List<Job> all() {
    Map<String, Job> all = new java.util.HashMap<>();
    for (Job stored : store.loadAll()) {
      all.put(stored.getJobId(), stored);
    }
    for (JobRuntime job : jobs.values()) {
      all.put(job.id(), job.snapshot()); // progress as of the last event
    }
    return all.values().stream()
        .sorted(Comparator.comparing((Job j) -> j.getCreated().getSeconds())
            .thenComparing(j -> j.getCreated().getNanos()).reversed())
        .toList();
  }

  public Job cancel(String jobId, String reason) {
    JobRuntime job = get(jobId);
    JobState state = job.state();
    if (JobRuntime.isTerminal(state)) {
      throw Status.FAILED_PRECONDITION.withDescription("job " + jobId + " already ended ("
          + state.name().replace("JOB_STATE_", "") + ")").asRuntimeException();
    }
    String why = reason == null || reason.isBlank() ? "cancelled by the user" : reason;
    if (!running.contains(jobId)) {
      if (!leases.lease(jobId)) {
        return cancelElsewhere(job, why);
      }
      try {
        // Its orchestrator died with calls in flight: charged at their estimate, as a resume would.
        job.charged(store.unreconcile(jobId));
        job.state(JobState.JOB_STATE_CANCELLED, "job cancelled: " + why);
      } finally {
        leases.unlease(jobId);
      }
      return job.snapshot();
    }
    job.requestCancel(why);
    awaitRuns(() -> !running.contains(jobId));
    return job.snapshot();
  }

  /**
   * The job runs on another orchestrator: the cancel is recorded in the store, that
   * orchestrator's heartbeat sees it and cancels the run (and the provider jobs it has in
   * flight). Answered once the job has ended, or after two lease periods with the cancel still
   * recorded (the job's orchestrator, or whoever takes it over, cancels it).
   */
  private Job cancelElsewhere(JobRuntime job, String why) {
    if (!store.requestCancel(job.id(), why)) {
      refresh(job);
      throw Status.FAILED_PRECONDITION.withDescription("job " + job.id() + " already ended ("
          + job.state().name().replace("JOB_STATE_", "") + ")").asRuntimeException();
    }
    long deadline = System.nanoTime() + 2 * leaseTtl.toNanos() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && !store.load(job.id())
        .map(j -> JobRuntime.isTerminal(j.getState())).orElse(true)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    refresh(job);
    return job.snapshot();
  }

  /**
   * Deletes an ended job: its artifacts directory, then its snapshot, events and steps. Its
   * charges stay in the ledger (money history is never deleted). Returns what the directory
   * held. A job still queued, running or waiting for approval is refused: cancel it first.
   */
  public dev.reelmesh.v1.DeleteJobResponse delete(String jobId) {
    return delete(jobId, job -> { });
  }

  /**
   * As above, once {@code mayDelete} accepts the job (it throws to refuse: the caller's tenant
   * check). The job is looked at as stored, its snapshot alone: deleting it never reads its
   * event history.
   */
  public dev.reelmesh.v1.DeleteJobResponse delete(String jobId,
      java.util.function.Consumer<Job> mayDelete) {
    if (jobId == null || jobId.isBlank()) {
      throw Status.INVALID_ARGUMENT.withDescription("job_id: must not be empty")
          .asRuntimeException();
    }
    // The stored snapshot (written with every change of state, any orchestrator's): its state
    // is current even for a job another orchestrator ran and this one mirrors unwatched.
    Job stored = store.load(jobId).orElseThrow(() ->
        Status.NOT_FOUND.withDescription("no job '" + jobId + "'").asRuntimeException());
    mayDelete.accept(stored);
    JobState state = stored.getState();
    if (!JobRuntime.isTerminal(state) || running.contains(jobId) || !preparing.add(jobId)) {
      throw Status.FAILED_PRECONDITION.withDescription("job " + jobId + " is "
          + state.name().replace("JOB_STATE_", "") + ": only an ended job can be deleted; "
          + "cancel it first").asRuntimeException();
    }
    try {
      if (!leases.lease(jobId)) {
        throw Status.FAILED_PRECONDITION.withDescription("job " + jobId + " is being run by "
            + "another orchestrator").asRuntimeException();
      }
      JobFiles.Size freed = JobFiles
          .delete(JobFiles.directory(artifacts.root(), jobId));
      store.delete(jobId);
      jobs.remove(jobId);
      byIdempotencyKey.values().remove(jobId);
      observer.forget(jobId);
      return dev.reelmesh.v1.DeleteJobResponse.newBuilder().setJobId(jobId).setState(state)
          .setFreedBytes(freed.bytes()).setFiles(freed.files()).build();
    } finally {
      preparing.remove(jobId);
    }
  }

  /** Lets a job past the plan gate; an instruction refines the plan first. */
  public Job approve(String jobId, java.util.function.UnaryOperator<dev.reelmesh.v1.PlanReady>
      refine) {
    JobRuntime job = awaitingApproval(jobId);
    double planned = runner.endOf(Stage.STAGE_PLAN);
    if (refine != null) {
      replan(job, refine, planned);
    }
    job.memo().put(runner.approvalKey(), com.google.protobuf.Empty.getDefaultInstance());
    job.startRun(planned);
    // Out of the gate before the answer: the run sets RUNNING on a worker thread, later.
    job.state(JobState.JOB_STATE_QUEUED, "plan approved: queued to run");
    launch(job);
    return job.snapshot();
  }

  /**
   * Refines the plan of a job waiting for approval and leaves it waiting: the new plan is the
   * job's plan step and a plan_ready event, nothing is rendered, and a later approval renders
   * the refined plan.
   */
  public Job refinePlan(String jobId,
      java.util.function.UnaryOperator<dev.reelmesh.v1.PlanReady> refine) {
    JobRuntime job = awaitingApproval(jobId);
    replan(job, refine, runner.endOf(Stage.STAGE_PLAN));
    return job.snapshot();
  }

  private JobRuntime awaitingApproval(String jobId) {
    JobRuntime job = get(jobId);
    if (job.state() != JobState.JOB_STATE_AWAITING_APPROVAL) {
      throw Status.FAILED_PRECONDITION.withDescription("job " + jobId
          + " is not waiting for plan approval (state "
          + job.state().name().replace("JOB_STATE_", "") + ")").asRuntimeException();
    }
    return job;
  }

  /** The plan refined and recorded in place of the old one; a fallback engine is an event. */
  private void replan(JobRuntime job,
      java.util.function.UnaryOperator<dev.reelmesh.v1.PlanReady> refine, double planned) {
    dev.reelmesh.v1.PlanReady current = job.memo().find(runner.planKey(),
        dev.reelmesh.v1.PlanReady.parser());
    dev.reelmesh.v1.PlanReady refined = refine.apply(current);
    job.memo().put(runner.planKey(), refined);
    job.planFallback(refined.getEngine(), planned);
    job.event(Stage.STAGE_PLAN, planned, "plan refined: " + refined.getPlan().getClipsCount()
        + " clips", e -> e.setPlanReady(refined));
  }

  /** Redoes the named clips (and frames) of a finished job, then re-assembles. */
  public Job regenerate(String jobId, List<Integer> clips, List<Integer> frameClips) {
    return regenerate(jobId, clips, frameClips, null);
  }

  /**
   * As above; with a {@code reviser}, the plan is reworded first (an LLM call, made only once
   * the job is known to be idle) and the revision says what to redo.
   */
  public Job regenerate(String jobId, List<Integer> clips, List<Integer> frameClips,
      java.util.function.Function<dev.reelmesh.v1.ScenePlan, Revision> reviser) {
    JobRuntime job = get(jobId);
    if (job.state() != JobState.JOB_STATE_SUCCEEDED) {
      throw Status.FAILED_PRECONDITION.withDescription("only a finished job can be regenerated; "
          + jobId + " is " + job.state().name().replace("JOB_STATE_", "")).asRuntimeException();
    }
    if (running.contains(jobId) || !preparing.add(jobId)) {
      throw Status.FAILED_PRECONDITION.withDescription("job " + jobId + " is already running")
          .asRuntimeException();
    }
    try {
      Generations generations = Generations.load(job.memo());
      Revision revision = null;
      if (reviser != null) {
        dev.reelmesh.v1.PlanReady current = job.memo().find(runner.planKey(),
            dev.reelmesh.v1.PlanReady.parser());
        revision = reviser.apply(current.getPlan()); // billed by the reviser's held call
        job.memo().put(runner.planKey(), revision.plan());
        job.planFallback(revision.plan().getEngine(), 0);
        generations.revise(job.memo(), revision.renderClips(), revision.frameClips(),
            revision.promptClips(), revision.narrationClips());
      } else {
        generations.regenerate(job.memo(), clips, frameClips);
      }
      boolean frames = revision == null ? !frameClips.isEmpty() : !revision.frameClips().isEmpty();
      Stage stage = frames ? Stage.STAGE_STORYBOARD : Stage.STAGE_CLIPS;
      double percent = runner.startOf(stage);
      job.startRun(percent);
      if (revision == null) {
        job.event(stage, percent, "regenerating " + ClipNumbers.of(clips)
            + (frames ? ", frames of " + ClipNumbers.of(frameClips) : ""));
      } else {
        Revision r = revision;
        job.event(Stage.STAGE_PLAN, percent, "regenerating " + ClipNumbers.of(r.renderClips())
            + (frames ? " (frames of " + ClipNumbers.of(r.frameClips()) + ")" : "") + " reworded: "
            + String.join("; ", r.changes()), e -> e.setPlanReady(r.plan()));
        if (!r.notApplied().isEmpty()) {
          String message = "the instruction also changed " + String.join(", ", r.notApplied())
              + "; only the named clips were regenerated, so those changes were not applied";
          job.event(Stage.STAGE_PLAN, percent, message, e -> e.setWarning(
              dev.reelmesh.v1.Warning.newBuilder().setCode("instruction_partly_applied")
                  .setMessage(message)));
        }
      }
      launch(job);
      return job.snapshot();
    } finally {
      preparing.remove(jobId);
    }
  }

  private void launch(JobRuntime job) {
    if (!running.add(job.id())) {
      return;
    }
    if (!leases.lease(job.id())) {
      running.remove(job.id()); // another orchestrator runs it; this one mirrors it
      return;
    }
    Executor clips = observer.workers(job.id(), command -> clipsPool.executeBlocking(() -> {
      command.run();
      return null;
    }, false));
    Runnable run = runner.run(job, leases.owner(), clips);
    jobsPool.executeBlocking(() -> {
      try {
        observer.run(job, run);
      } finally {
        running.remove(job.id());
        leases.unlease(job.id());
      }
      return null;
    }, false);
  }

  /** The step the plan is recorded as (what an approval checks and a refinement replaces). */
  public String planKey() {
    return runner.planKey();
  }

  /** The providers jobs may choose: what JobSpecs, the estimator and doctor ask. */
  public ProviderRegistry providers() {
    return providers;
  }

  public ArtifactStore artifacts() {
    return artifacts;
  }

  public MeshChannels channels() {
    return channels;
  }

  /**
   * Stops the engine. Running jobs are interrupted but stay RUNNING in the store, so the next
   * start resumes them.
   */
  @Override
  public void close() {
    observer.close();
    leases.close();
    for (JobRuntime job : jobs.values()) {
      if (running.contains(job.id())) {
        job.stopForShutdown();
      }
    }
    // Runs end promptly once cancelled; wait so no run writes after the engine is gone.
    awaitRuns(running::isEmpty);
    jobsPool.close();
    clipsPool.close();
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
        .exceptionally(e -> null).join();
  }

  /** Waits up to 30 s for cancelled runs to end (they notice between steps and in RPCs). */
  private static void awaitRuns(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Timestamp now() {
    Instant now = Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }
}
