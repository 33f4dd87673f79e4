package dev.reelmesh.scoring;

import dev.reelmesh.common.server.HealthReporter;
import dev.reelmesh.scoring.model.ReadinessListener;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scoring service as bound, publishing one gRPC health entry per model:
 * {@code reelmesh.v1.ScoringService/<model>} is SERVING while some version of it is loaded,
 * warmed up and serving, NOT_SERVING otherwise, and cleared when the model leaves the
 * repository. While the repository's first scan runs in the background (the in-process mesh),
 * {@code reelmesh.v1.ScoringService} itself is NOT_SERVING. The repository reports before any
 * server exists, so the states are kept here and handed over when the host asks.
 */
final class ModelHealth implements BindableService, HealthReporter, ReadinessListener {
  static final String PREFIX = ScoringServiceGrpc.SERVICE_NAME + "/";

  private final ServerServiceDefinition definition;
  private final Map<String, Boolean> states = new LinkedHashMap<>();
  private Sink sink;
  /** False while the repository's first scan runs in the background. */
  private boolean scanned = true;

  ModelHealth(ServerServiceDefinition definition) {
    this.definition = definition;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return definition;
  }

  @Override
  public synchronized void reportTo(Sink sink) {
    this.sink = sink;
    states.forEach((model, ready) -> sink.set(PREFIX + model, ready));
    if (!scanned) {
      sink.set(ScoringServiceGrpc.SERVICE_NAME, false);
    }
  }

  /** The repository's first scan has started: the service is not ready until it ends. */
  synchronized void scanning() {
    scanned = false;
    if (sink != null) {
      sink.set(ScoringServiceGrpc.SERVICE_NAME, false);
    }
  }

  /** The first scan is over: every model on disk has been tried. */
  synchronized void scanned() {
    scanned = true;
    if (sink != null) {
      sink.set(ScoringServiceGrpc.SERVICE_NAME, true);
    }
  }

  @Override
  public synchronized void changed(String model, boolean ready) {
    states.put(model, ready);
    if (sink != null) {
      sink.set(PREFIX + model, ready);
    }
  }

  @Override
  public synchronized void removed(String model) {
    states.remove(model);
    if (sink != null) {
      sink.clear(PREFIX + model);
    }
  }
}
