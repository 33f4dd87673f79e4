package dev.reelmesh.orchestrator.provider.remote;

import dev.reelmesh.v1.CostLine;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** The cost line of one remote clip, the same shape for every video provider. */
public final class ClipLines {
  private ClipLines() {}

  /** @param item what was bought ("fal-ai/... (clip 2)") */
  public static CostLine clip(String provider, String item, double seconds, long micros) {
    return CostLine.newBuilder().setStage("clips").setProvider(provider).setItem(item)
        .setQuantity(seconds).setUnit("video_seconds").setEstimatedMicros(micros).build();
  }

  /** A provider used without its settings: FAILED_PRECONDITION naming what to set. */
  public static StatusRuntimeException unconfigured(String missing) {
    return Status.FAILED_PRECONDITION.withDescription(missing).asRuntimeException();
  }

  /** Refuses to create a provider while its entry says something is missing. */
  public static void requireConfigured(java.util.Optional<String> missing) {
    if (missing.isPresent()) {
      throw unconfigured(missing.get());
    }
  }
}
