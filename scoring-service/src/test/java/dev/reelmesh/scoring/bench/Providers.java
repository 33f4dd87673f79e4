package dev.reelmesh.scoring.bench;

import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark's models run, printed next to the figures. With
 * {@code -Dscoring.bench.provider=cuda} (the GPU command of docs/bench/scoring.md) a model on any
 * other provider stops the benchmark before it measures, so a CPU figure never reads as a GPU one.
 */
final class Providers {
  private Providers() {}

  static void report(ModelRepository repo, String... names) {
    String wanted = System.getProperty("scoring.bench.provider", "");
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      try (ModelLease lease = repo.lease(name).orElseThrow(
          () -> new IllegalStateException(name + " does not serve"))) {
        String provider = lease.model().provider();
        if (!wanted.isEmpty() && !provider.equals(wanted)) {
          throw new IllegalStateException("-Dscoring.bench.provider=" + wanted + " but "
              + lease.model().label() + " runs on " + provider + ": nothing measured");
        }
        parts.add(lease.model().label() + " on " + provider);
      }
    }
    System.out.println("  execution provider: " + String.join(", ", parts));
  }
}
