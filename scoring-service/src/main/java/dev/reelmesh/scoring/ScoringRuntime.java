package dev.reelmesh.scoring;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.fetch.UrlFetcher;
import dev.reelmesh.common.server.AliasedRequests;
import dev.reelmesh.scoring.batch.RequestGauge;
import dev.reelmesh.scoring.builtin.TechnicalQualityScorer;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScoringEngine;
import dev.reelmesh.scoring.image.ImageDecoder;
import dev.reelmesh.scoring.image.ImageResolver;
import dev.reelmesh.scoring.model.ModelRepository;
import dev.reelmesh.scoring.model.NativeMemory;

import io.grpc.BindableService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running scoring service: the model repository (and its watcher), the scorers, and the
 * worker pool. It owns native ONNX sessions, so whoever opens it closes it.
 */
public final class ScoringRuntime implements AutoCloseable {
  private final ModelRepository repository;
  private final ThreadPoolExecutor workers;
  private final ScoringGrpcService service;
  private final ModelHealth health;

  private ScoringRuntime(MeshSettings settings, ScoringConfig config) {
    NativeMemory.fixMmapThreshold(); // before any model loads, so unloads give memory back
    RequestGauge requests = new RequestGauge();
    this.repository = new ModelRepository(settings.modelsDir(), config, requests);
    AtomicInteger n = new AtomicInteger();
    // Decoding and ONNX runs block; they run here, never on gRPC transport threads.
    this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(config.maxQueued()), r -> {
          Thread t = new Thread(r, "scoring-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    List<Scorer> scorers = new ArrayList<>(ModelScorers.create(repository));
    scorers.add(new TechnicalQualityScorer());
    ImageResolver images = new ImageResolver(new ArtifactStore(settings.artifactRoot()),
        new ImageDecoder(config.imageLimits()), new UrlFetcher(config.fetch()));
    this.service = new ScoringGrpcService(new ScoringEngine(scorers), images, repository, workers,
        requests);
    this.health = new ModelHealth(
        AliasedRequests.of(service, Set.of("ScoreImages", "RankVariations", "CheckClip"))
            .bindService());
    repository.onReadiness(health);
  }

  public static ScoringRuntime open(MeshSettings settings, ScoringConfig config) {
    ScoringRuntime runtime = new ScoringRuntime(settings, config);
    runtime.repository.start();
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
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    repository.close();
  }
}
