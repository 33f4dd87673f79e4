package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.v1.CostLine;

/** The cost line of a built-in engine: what it makes, priced at zero. */
final class FreeLine {
  private FreeLine() {}

  static CostLine of(String stage, String provider, String item, double quantity, String unit) {
    return CostLine.newBuilder().setStage(stage).setProvider(provider)
        .setItem(provider + " " + item).setQuantity(quantity).setUnit(unit)
        .setEstimatedMicros(0).build();
  }
}
