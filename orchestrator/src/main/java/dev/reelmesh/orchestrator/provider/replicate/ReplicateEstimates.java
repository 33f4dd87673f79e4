package dev.reelmesh.orchestrator.provider.replicate;

import dev.reelmesh.v1.CostLine;

/** EstimateCost's line for clips on Replicate: the same price the budget guard holds. */
public final class ReplicateEstimates {
  private ReplicateEstimates() {}

  public static CostLine clips(ReplicateConfig config, int seconds) {
    return ReplicateVideoProvider.estimate(config, seconds, "all clips");
  }
}
