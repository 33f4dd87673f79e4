package dev.reelmesh.scoring;

import dev.reelmesh.common.observe.Metrics;
import dev.reelmesh.scoring.model.ModelRepository;
import dev.reelmesh.scoring.model.ReadinessListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version of each model serves, as {@code reelmesh_scoring_model_version{model}} (0: none
 * serves), read from the repository at each scrape. Models appear as the repository first
 * reports their readiness and go when they leave it; the health listener is told everything as
 * before.
 */
final class ModelMetrics implements ReadinessListener {
  private final ReadinessListener next;
  private final ModelRepository repository;
  private final MeterRegistry registry = Metrics.registry();
  private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

  ModelMetrics(ReadinessListener next, ModelRepository repository) {
    this.next = next;
    this.repository = repository;
  }

  @Override
  public void changed(String model, boolean ready) {
    gauges.computeIfAbsent(model, name -> Gauge.builder("reelmesh.scoring.model.version",
            () -> serving(name))
        .description("The model version serving (0: none)").tag("model", name)
        .strongReference(true).register(registry));
    next.changed(model, ready);
  }

  @Override
  public void removed(String model) {
    Gauge gauge = gauges.remove(model);
    if (gauge != null) {
      registry.remove(gauge);
    }
    next.removed(model);
  }

  private double serving(String name) {
    try {
      return repository.status(name).servingVersion();
    } catch (RuntimeException gone) {
      return Double.NaN; // left the repository between the scan and this scrape
    }
  }
}
