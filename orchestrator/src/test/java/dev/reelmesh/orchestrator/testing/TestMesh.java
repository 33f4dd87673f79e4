package dev.reelmesh.orchestrator.testing;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.media.MediaServices;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.pipeline.PipelineServices;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.ScoringRuntime;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ProbeResponse;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.BindableService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole mesh in-process for tests, wired like production (each service's real factory bound
 * through the production ServiceHost), with a scoring service or providers swapped in where a
 * test injects failures. The pipeline can be restarted on the same data to test crash recovery.
 */
public final class TestMesh implements AutoCloseable {
  public final MeshSettings settings;
  private final List<InProcessService> services = new ArrayList<>();
  private final MeshChannels channels;
  private final ProviderFactory providers;
  private final ScoringRuntime scoringRuntime;
  private PipelineServices pipeline;
  private InProcessService pipelineServer;
  private dev.reelmesh.common.fetch.FetchPolicy fetch = dev.reelmesh.common.fetch.FetchPolicy.DISABLED;
  private long monthlyLimitMicros = 50_000_000L;
  private String leaseOwner;
  private java.time.Duration leaseTtl = JobEngine.Options.DEFAULT_LEASE;
  /** The mesh's own database; a restart finds its jobs there, as a real one would. */
  public final String databaseUrl;

  private TestMesh(Path dir, BindableService scoring, ProviderFactory providers,
      String databaseUrl, dev.reelmesh.llm.LlmConfig llmConfig) {
    this.databaseUrl = databaseUrl;
    this.settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    this.providers = providers;
    InProcessService llm = add(llmConfig == null ? LlmServices.create(settings)
        : LlmServices.create(settings, llmConfig));
    this.scoringRuntime = scoring == null
        ? ScoringRuntime.open(settings, ScoringConfig.defaults()) : null;
    InProcessService score = add(scoring == null ? scoringRuntime.services() : List.of(scoring));
    InProcessService media = add(MediaServices.create(settings));
    this.channels = new MeshChannels(llm.channel(), score.channel(), media.channel());
    startPipeline();
  }

  public static TestMesh start(Path dir) {
    return new TestMesh(dir, null, ProviderFactory.offline(), TestDatabase.fresh(), null);
  }

  public static TestMesh start(Path dir, BindableService scoring, ProviderFactory providers) {
    return start(dir, scoring, providers, TestDatabase.fresh());
  }

  /** As above, keeping its state in the database at {@code databaseUrl}. */
  public static TestMesh start(Path dir, BindableService scoring, ProviderFactory providers,
      String databaseUrl) {
    return start(dir, scoring, providers, databaseUrl, null);
  }

  /** As above, the LLM service configured by {@code llm} (a fake OpenAI's chat, say). */
  public static TestMesh start(Path dir, BindableService scoring, ProviderFactory providers,
      String databaseUrl, dev.reelmesh.llm.LlmConfig llm) {
    return new TestMesh(dir, scoring, providers == null ? ProviderFactory.offline() : providers,
        databaseUrl, llm);
  }

  /** The LLM service's configuration for chat calls to the fake at {@code baseUrl}. */
  public static dev.reelmesh.llm.LlmConfig chatAt(String baseUrl) {
    return dev.reelmesh.llm.LlmConfig.fromEnv(java.util.Map.of("OPENAI_API_KEY", "sk-test-chat",
        "OPENAI_BASE_URL", baseUrl)).withBackoff(java.time.Duration.ofMillis(5),
        java.time.Duration.ofMillis(20));
  }

  /** An offline mesh whose llm service talks to the LLM {@code llmConfig} names. */
  public static TestMesh startWithLlm(Path dir, dev.reelmesh.llm.LlmConfig llmConfig) {
    return startWithLlm(dir, llmConfig, ProviderFactory.offline());
  }

  /** As above, with the job engine's media providers chosen. */
  public static TestMesh startWithLlm(Path dir, dev.reelmesh.llm.LlmConfig llmConfig,
      ProviderFactory providers) {
    return new TestMesh(dir, null, providers, TestDatabase.fresh(), llmConfig);
  }

  /** The pipeline's services, to bind behind another host (another caller, another tenant). */
  public List<BindableService> pipelineServices() {
    return pipeline.services();
  }

  private InProcessService add(List<BindableService> list) {
    InProcessService service = InProcessService.start(list);
    services.add(service);
    return service;
  }

  /** Stops the job engine as a crash would (runs interrupted, nothing marked finished). */
  public void stopPipeline() {
    pipelineServer.close();
    pipeline.close();
  }

  public void startPipeline() {
    pipeline = PipelineServices.start(settings, channels, providers,
        new JobEngine.Options(2, 4, monthlyLimitMicros, fetch).withLease(leaseOwner, leaseTtl),
        databaseUrl);
    pipelineServer = InProcessService.start(pipeline.services());
  }

  /** Restarts the job engine with reference images fetchable by URL under {@code policy}. */
  public void restartWithFetch(dev.reelmesh.common.fetch.FetchPolicy policy) {
    stopPipeline();
    fetch = policy;
    startPipeline();
  }

  /** Restarts the job engine leasing jobs as {@code owner} for {@code ttl}. */
  public void restartWithLease(String owner, java.time.Duration ttl) {
    stopPipeline();
    leaseOwner = owner;
    leaseTtl = ttl;
    startPipeline();
  }

  /** Restarts the job engine with another monthly limit. */
  public void restartWithMonthlyLimit(long micros) {
    stopPipeline();
    monthlyLimitMicros = micros;
    startPipeline();
  }

  public PipelineServiceGrpc.PipelineServiceBlockingStub pipeline() {
    return PipelineServiceGrpc.newBlockingStub(pipelineServer.channel());
  }

  public io.grpc.Channel pipelineChannel() {
    return pipelineServer.channel();
  }

  public MeshChannels channels() {
    return channels;
  }

  public JobEngine engine() {
    return pipeline.engine();
  }

  /** Every event of the job until its stream ends (the job finished), in order. */
  public List<JobEvent> watchToEnd(String jobId, long after) {
    List<JobEvent> events = new ArrayList<>();
    Iterator<JobEvent> stream = pipeline().withDeadlineAfter(5, TimeUnit.MINUTES)
        .watchJob(WatchJobRequest.newBuilder().setJobId(jobId).setAfterSequence(after).build());
    stream.forEachRemaining(events::add);
    return events;
  }

  public Job job(String jobId) {
    return pipeline().getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
  }

  public ProbeResponse probe(ArtifactRef media) {
    return MediaServiceGrpc.newBlockingStub(channels.media())
        .probe(ProbeRequest.newBuilder().setMedia(media).build());
  }

  public Path file(ArtifactRef ref) {
    return settings.artifactRoot().resolve(ref.getUri());
  }

  /** A small, fast job: draft size, two variations per frame. */
  public static JobSpec.Builder quickSpec(String brief, double seconds) {
    return JobSpec.newBuilder().setBrief(brief).setDurationSeconds(seconds)
        .setAspectRatio(AspectRatio.ASPECT_RATIO_16_9)
        .setQualityTier(QualityTier.QUALITY_TIER_DRAFT).setVariations(2).setSeed(42);
  }

  @Override
  public void close() {
    pipelineServer.close();
    pipeline.close();
    for (InProcessService service : services) {
      service.close();
    }
    if (scoringRuntime != null) {
      scoringRuntime.close();
    }
  }
}
