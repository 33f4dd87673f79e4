package dev.reelmesh.scoring;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.fetch.UrlFetcher;
import dev.reelmesh.common.parallel.ParallelMap;
import dev.reelmesh.common.server.AliasedRequests;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.scoring.batch.RequestGauge;
import dev.reelmesh.scoring.builtin.TechnicalQualityScorer;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScoringEngine;
import dev.reelmesh.scoring.image.ImageDecoder;
import dev.reelmesh.scoring.image.ImageResolver;
import dev.reelmesh.scoring.model.ModelRepository;

import io.grpc.BindableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One running scoring service: the model repository (and its watcher), the scorers, and the
 * worker pool. It owns native ONNX sessions, so whoever opens it closes it.
 */
public final class ScoringRuntime implements AutoCloseable {
  /** A call without a deadline: 16 images through every scorer take seconds, not minutes. */
  static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
  private final ModelRepository repository;
  private final BlockingCalls workers;
  private final ScoringGrpcService service;
  private final ModelHealth health;
  /** Per-image pixel work (decoding, built-in metrics) of one request, side by side. */
  private final ParallelMap pixels = ParallelMap.forCores("scoring-pixels");

  private ScoringRuntime(MeshSettings settings, ScoringConfig config) {
    RequestGauge requests = new RequestGauge();
    this.repository = new ModelRepository(settings.modelsDir(), config, requests);
    // Decoding and ONNX runs block; they run here, in the caller's context, never on gRPC
    // transport threads.
    this.workers = new BlockingCalls("scoring-service", config.workers(), config.maxQueued(),
        DEFAULT_DEADLINE);
    List<Scorer> scorers = new ArrayList<>(ModelScorers.create(repository));
    scorers.add(new TechnicalQualityScorer(pixels));
    ImageResolver images = new ImageResolver(new ArtifactStore(settings.artifactRoot()),
        new ImageDecoder(config.imageLimits()), new UrlFetcher(config.fetch()));
    this.service = new ScoringGrpcService(new ScoringEngine(scorers), images, repository, workers,
        requests, pixels);
    this.health = new ModelHealth(
        AliasedRequests.of(service, Set.of("ScoreImages", "RankVariations", "CheckClip"))
            .bindService());
    repository.onReadiness(new ModelMetrics(health, repository));
  }

  /** Opens the service with the model repository scanned (every model loaded) on return. */
  public static ScoringRuntime open(MeshSettings settings, ScoringConfig config) {
    ScoringRuntime runtime = new ScoringRuntime(settings, config);
    runtime.repository.start();
    return runtime;
  }

  /**
   * Opens the service at once and scans the model repository in the background (the in-process
   * mesh: loading real models takes seconds and need not hold up the rest of start-up). Until
   * the scan is over, the service's health entry is NOT_SERVING and calls that need the
   * repository wait for it; none is answered as if there were no models.
   */
  public static ScoringRuntime start(MeshSettings settings, ScoringConfig config) {
    ScoringRuntime runtime = new ScoringRuntime(settings, config);
    runtime.health.scanning();
    runtime.repository.startInBackground().thenRun(runtime.health::scanned);
    return runtime;
  }

  /**
   * The scoring service, its image-carrying requests parsed without copying the images out of
   * the received message (see {@link AliasedRequests}), with one health entry per model.
   */
  public List<BindableService> services() {
    return List.of(health);
  }

  public ModelRepository repository() {
    return repository;
  }

  @Override
  public void close() {
    workers.close();
    pixels.close();
    repository.close();
  }
}
