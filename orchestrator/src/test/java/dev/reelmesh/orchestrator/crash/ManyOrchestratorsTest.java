package dev.reelmesh.orchestrator.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.pipeline.PipelineServices;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import java.util.Map;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.FakeReplicate;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.WatchJobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two orchestrators on one PostgreSQL and one artifact root share the work; either one cancels
 * a job the other runs.
 */
class ManyOrchestratorsTest {
  static final Duration LEASE = Duration.ofSeconds(1);
  /**
   * Jobs shared by live orchestrators: a lease long enough that a heartbeat made late by a
   * loaded machine is not taken for a death (that takeover, and its fencing, is tested below).
   */
  static final Duration SHARING_LEASE = Duration.ofSeconds(5);
  @TempDir Path dir;

  private static List<JobEvent> watch(PipelineServiceGrpc.PipelineServiceBlockingStub stub,
      String id) {
    List<JobEvent> events = new ArrayList<>();
    stub.withDeadlineAfter(3, TimeUnit.MINUTES).watchJob(WatchJobRequest.newBuilder()
        .setJobId(id).build()).forEachRemaining(events::add);
    return events;
  }

  @Test
  void twentyJobsRunOnceEachAndEitherOrchestratorServesAny() throws Exception {
    try (TestMesh a = TestMesh.start(dir)) {
      a.restartWithLease("orchestrator-a", SHARING_LEASE);
      try (PipelineServices b = PipelineServices.start(a.settings, a.channels(),
          ProviderFactory.offline(), new JobEngine.Options(2, 4, 50_000_000L)
              .withLease("orchestrator-b", SHARING_LEASE), a.databaseUrl);
          InProcessService bServer = InProcessService.start(b.services())) {
        var stubA = a.pipeline();
        var stubB = PipelineServiceGrpc.newBlockingStub(bServer.channel());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          ids.add((i % 2 == 0 ? stubA : stubB).submitJob(SubmitJobRequest.newBuilder().setSpec(
              TestMesh.quickSpec("shared job " + i, 6).setVariations(1).setNarrationOff(true))
              .build()).getJobId());
        }
        for (int i = 0; i < ids.size(); i++) {
          // Watched through the orchestrator it was NOT submitted to: events from the store.
          List<JobEvent> events = watch(i % 2 == 0 ? stubB : stubA, ids.get(i));
          assertThat(events).extracting(JobEvent::getSequence)
              .isEqualTo(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed()
                  .toList());
          assertThat(events).filteredOn(e -> e.getState() == JobState.JOB_STATE_RUNNING)
              .as("job %s ran once", ids.get(i)).hasSize(1);
          assertThat(events).noneMatch(e -> e.getMessage().startsWith("resuming"));
          Job job = (i % 2 == 0 ? stubB : stubA).getJob(GetJobRequest.newBuilder()
              .setJobId(ids.get(i)).build());
          assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
        }
        assertThat(stubA.listJobs(ListJobsRequest.newBuilder().setPageSize(100).build())
            .getJobsList()).extracting(Job::getJobId).containsAll(ids);
        assertThat(stubB.listJobs(ListJobsRequest.newBuilder().setPageSize(100).build())
            .getJobsList()).extracting(Job::getJobId).containsAll(ids);
      }
    }
  }

  @Test
  void whenAnOrchestratorIsKilledMidJobTheOtherFinishesItWithinTheLease() throws Exception {
    String url = TestDatabase.fresh();
    try (FakeOpenAi fake = ChildMesh.fakeWithMedia(dir); Database db = Database.shared(url)) {
      fake.videosReady = false; // the first clip renders until the kill
      ChildMesh orchestratorA = new ChildMesh(dir, url, fake.baseUrl(), "orchestrator-a",
          String.valueOf(LEASE.toMillis()));
      fake.crashes = new FakeOpenAi.Crashes() {
        @Override
        public FakeOpenAi.Kill at(String endpoint, int nth) {
          return endpoint.equals(FakeOpenAi.VIDEO_STATUS) && nth == 3
              ? FakeOpenAi.Kill.AFTER_RESPONSE : FakeOpenAi.Kill.NONE;
        }

        @Override
        public void kill() {
          orchestratorA.kill();
        }
      };
      orchestratorA.start();
      orchestratorA.await();
      long killed = System.nanoTime();
      assertThat(orchestratorA.killed).isTrue();
      fake.crashes = null;
      fake.videosReady = true;
      String id = db.store().loadAll().get(0).getJobId();
      long seen = db.store().events(id, 0, Integer.MAX_VALUE).size();

      // Orchestrator B: same database, same artifact root (the child's data directory).
      ProviderFactory providers = TestRegistries.openAi("sk-test-b", fake.baseUrl());
      try (TestMesh b = TestMesh.start(dir.resolve("mesh"), null, providers, url)) {
        b.restartWithLease("orchestrator-b", LEASE);
        List<JobEvent> events = b.watchToEnd(id, seen);
        JobEvent resumed = events.stream().filter(e -> e.getMessage().startsWith("resuming"))
            .findFirst().orElseThrow();
        double takeover = (resumed.getTime().getSeconds() * 1e9 + resumed.getTime().getNanos()
            - (System.currentTimeMillis() * 1e6 - (System.nanoTime() - killed))) / 1e9;
        assertThat(takeover).as("seconds from the kill to the takeover")
            .isLessThan(LEASE.toSeconds() + 10.0);
        Job job = b.job(id);
        assertThat(job.getState()).as(job.getError().getMessage())
            .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
        int clips = job.getResult().getPlan().getClipsCount();
        // The video created (and charged) before the kill was re-attached, not bought again.
        assertThat(fake.createdVideos).hasSize(clips);
        assertThat(job.getCost().getActualTotalMicros()).isEqualTo(
            b.engine().ledger().budget().getSpentMicros());
      }
    }
  }

  @Test
  void aCancelAskedOfTheOtherOrchestratorCancelsTheRunAndItsPrediction() throws Exception {
    try (FakeReplicate fake = FakeReplicate.start()) {
      ProviderFactory replicate = replicate(fake);
      try (TestMesh a = TestMesh.start(dir, null, replicate)) {
        a.restartWithLease("orchestrator-a", LEASE);
        try (PipelineServices b = PipelineServices.start(a.settings, a.channels(), replicate,
            new JobEngine.Options(2, 4, 50_000_000L).withLease("orchestrator-b", LEASE),
            a.databaseUrl); InProcessService bServer = InProcessService.start(b.services())) {
          String id = pollingJob(a, fake); // its first prediction runs until cancelled

          Job cancelled = PipelineServiceGrpc.newBlockingStub(bServer.channel()).cancelJob(
              CancelJobRequest.newBuilder().setJobId(id).setReason("asked on b").build());
          assertThat(cancelled.getState()).isEqualTo(JobState.JOB_STATE_CANCELLED);
          assertThat(a.job(id).getState()).isEqualTo(JobState.JOB_STATE_CANCELLED);
          assertThat(fake.count(FakeReplicate.CANCEL)).as("a cancelled its prediction")
              .isEqualTo(1);
          List<JobEvent> events = a.watchToEnd(id, 0);
          assertThat(events).filteredOn(e -> e.getState() == JobState.JOB_STATE_RUNNING)
              .hasSize(1); // cancelled by a, its runner; b never ran it
          // The created prediction is paid for: on the bill, and nothing is held any more.
          assertThat(b.engine().ledger().budget().getReservedMicros()).isZero();
          assertThat(a.job(id).getCost().getActualTotalMicros()).isPositive()
              .isEqualTo(b.engine().ledger().budget().getSpentMicros());
        }
      }
    }
  }

  /**
   * An orchestrator presumed dead while it was only slow (its heartbeat late, the lease taken
   * by another): its run stops at once, writing nothing more — no failure, no event, no cancel
   * of the provider job the new owner will re-attach to.
   */
  @Test
  void aRunWhoseJobWasTakenOverStopsWithoutWritingAnything() throws Exception {
    try (FakeReplicate fake = FakeReplicate.start()) {
      ProviderFactory replicate = replicate(fake);
      try (TestMesh a = TestMesh.start(dir, null, replicate);
          Database db = Database.shared(a.databaseUrl)) {
        a.restartWithLease("orchestrator-a", LEASE);
        String id = pollingJob(a, fake); // its first prediction runs until the takeover

        try (java.sql.Connection c = java.sql.DriverManager.getConnection(a.databaseUrl);
            java.sql.PreparedStatement steal = c.prepareStatement("update jobs set owner ="
                + " 'orchestrator-b', lease_until = now() + interval '1 hour' where job_id = ?")) {
          steal.setString(1, id);
          assertThat(steal.executeUpdate()).isEqualTo(1);
        }
        List<JobEvent> atTakeover = db.store().events(id, 0, Integer.MAX_VALUE);
        fake.ready = true; // a's prediction finishes: a live run would record the clip now

        // a stops polling within a heartbeat or two, and writes nothing after the takeover.
        int polls = fake.count(FakeReplicate.GET);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
          Thread.sleep(LEASE.toMillis());
          int now = fake.count(FakeReplicate.GET);
          if (now == polls) {
            break;
          }
          polls = now;
        } while (System.nanoTime() < deadline);
        assertThat(fake.count(FakeReplicate.GET)).as("a still polling").isEqualTo(polls);
        assertThat(db.store().events(id, 0, Integer.MAX_VALUE)).isEqualTo(atTakeover);
        assertThat(db.store().load(id).orElseThrow().getState())
            .isEqualTo(JobState.JOB_STATE_RUNNING);
        assertThat(fake.count(FakeReplicate.CANCEL)).as("the prediction left to b").isZero();
      }
    }
  }

  /** Replicate's image-to-video at the fake, $0.05 a prediction. */
  private static ProviderFactory replicate(FakeReplicate fake) {
    return TestRegistries.replicate(Map.of(
        ReplicateConfig.TOKEN_VARIABLE, "r8_test", ReplicateConfig.BASE_URL_VARIABLE,
        fake.baseUrl(), ReplicateConfig.MODEL_VARIABLE, "acme/image-to-video",
        ReplicateConfig.INPUT_VARIABLE, "{\"prompt\": \"{prompt}\", \"image\": \"{image}\"}",
        ReplicateConfig.PRICE_VARIABLE, "0.05"));
  }

  /**
   * A job submitted to {@code mesh} whose first clip's prediction never finishes (until the
   * test sets {@code fake.ready}), returned once the mesh has polled it twice.
   */
  private static String pollingJob(TestMesh mesh, FakeReplicate fake) throws Exception {
    fake.ready = false;
    JobSpec.Builder spec = TestMesh.quickSpec("a kettle at dawn", 8).setMaxParallelClips(1);
    spec.getProvidersBuilder().setImage("animatic").setVideo("replicate").setSpeech("none");
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
        .getJobId();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (fake.count(FakeReplicate.GET) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(fake.count(FakeReplicate.GET)).as("polling").isGreaterThanOrEqualTo(2);
    return id;
  }
}
