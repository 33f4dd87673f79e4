package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/** Everything the orchestrator serves, ready to bind to any server builder, and its engine. */
public final class PipelineServices implements AutoCloseable {
  /** Unary calls wait on the store or, for a refinement, an LLM call (3 min at most). */
  static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

  private final JobEngine engine;
  private final BlockingCalls calls = new BlockingCalls("pipeline", 16, 256, DEFAULT_DEADLINE);
  private final List<BindableService> services;

  private PipelineServices(JobEngine engine) {
    this.engine = engine;
    this.services = List.of(new PipelineGrpcService(engine, calls));
  }

  /**
   * The pipeline reaches the other services only through {@code channels}: in-process in one JVM,
   * Netty across machines. It does not own them. Persisted jobs a crash interrupted resume.
   */
  public static PipelineServices start(MeshSettings settings, MeshChannels channels,
      ProviderFactory providers, JobEngine.Options options) {
    return new PipelineServices(new JobEngine(settings, channels, providers, options).start());
  }

  public static PipelineServices start(MeshSettings settings, MeshChannels channels) {
    return start(settings, channels, ProviderFactory.fromEnv(System.getenv()),
        JobEngine.Options.defaults());
  }

  public List<BindableService> services() {
    return services;
  }

  public JobEngine engine() {
    return engine;
  }

  /** Stops the engine; running jobs stay RUNNING on disk and resume on the next start. */
  @Override
  public void close() {
    calls.close();
    engine.close();
  }
}
