package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.fetch.UrlFetcher;
import dev.reelmesh.orchestrator.chat.ChatService;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.job.JobRunner;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import dev.reelmesh.orchestrator.provider.webhook.WebhookReceiver;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.StageRunner;
import dev.reelmesh.orchestrator.store.Database;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/**
 * Everything the orchestrator serves, ready to bind to any server builder, its engine and the
 * database the engine keeps its state in.
 */
public final class PipelineServices implements AutoCloseable {
  /** Unary calls wait on the store or, for a refinement, an LLM call (3 min at most). */
  static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

  private final JobEngine engine;
  private final Database database;
  private final BlockingCalls calls = new BlockingCalls("pipeline", 16, 256, DEFAULT_DEADLINE);
  private final List<BindableService> services;
  /** Completion callbacks from providers; null when webhooks are off. */
  private AutoCloseable webhooks;
  private final ChatService chat;

  private PipelineServices(JobEngine engine, Database database) {
    this.engine = engine;
    this.database = database;
    PipelineGrpcService pipeline = new PipelineGrpcService(engine, calls);
    // Chat is a PipelineService method served by the chat agent, which calls the others.
    this.chat = ChatService.start(database.dataSource(), pipeline, engine.channels().llm(),
        engine.ledger());
    this.services = chat.bindInto(pipeline);
  }

  /**
   * The pipeline reaches the other services only through {@code channels}: in-process in one JVM,
   * Netty across machines. It does not own them. Persisted jobs a crash interrupted resume.
   *
   * @param databaseUrl a shared PostgreSQL, or null/blank for the embedded one under the state
   *     directory
   */
  public static PipelineServices start(MeshSettings settings, MeshChannels channels,
      ProviderFactory providers, JobEngine.Options options, String databaseUrl) {
    return startOn(settings, channels, providers, options,
        Database.open(databaseUrl, settings.stateDir()));
  }

  /** As above, on a database the caller opened (the mesh opens it beside its other services). */
  public static PipelineServices startOn(MeshSettings settings, MeshChannels channels,
      ProviderFactory providers, JobEngine.Options options, Database database) {
    try {
      JobRunner runner = new StageRunner(channels, providers, new UrlFetcher(options.fetch()),
          new ArtifactStore(settings.artifactRoot()),
          dev.reelmesh.orchestrator.observe.ObservedProviders::wrap);
      return new PipelineServices(new JobEngine(settings, channels, providers.registry(), options,
          database.store(), runner, new dev.reelmesh.orchestrator.observe.JobObserver()).start(),
          database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Configured from the environment: providers, limits, REELMESH_DATABASE_URL, and the webhook
   * receiver when REELMESH_WEBHOOK_PORT is set.
   */
  public static PipelineServices start(MeshSettings settings, MeshChannels channels) {
    Webhooks hooks = Webhooks.fromEnv(System.getenv());
    PipelineServices started = start(settings, channels, ProviderFactory.of(
        StandardProviders.fromEnv(System.getenv(), hooks)), JobEngine.Options.defaults(),
        System.getenv(Database.URL_VARIABLE));
    try {
      started.webhooks = WebhookReceiver.start(hooks, java.time.Clock.systemUTC());
    } catch (java.io.IOException | RuntimeException e) {
      started.close();
      throw new IllegalStateException(e.getMessage(), e);
    }
    return started;
  }

  public List<BindableService> services() {
    return services;
  }

  public JobEngine engine() {
    return engine;
  }

  public Database database() {
    return database;
  }

  /** Stops the engine; running jobs stay RUNNING in the store and resume on the next start. */
  @Override
  public void close() {
    if (webhooks != null) {
      try {
        webhooks.close();
      } catch (Exception e) {
        // Best effort: the engine and the database still close below.
      }
    }
    chat.close();
    calls.close();
    try {
      engine.close();
    } finally {
      database.close();
    }
  }
}
