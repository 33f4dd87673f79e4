package dev.reelmesh.scoring;

import dev.reelmesh.scoring.image.ImageLimits;
import java.time.Duration;

/**
 * Tunables of the scoring service.
 *
 * @param pollInterval how often the model repository is re-scanned for new versions (zero = never)
 * @param maxBatch most images one image-encoder call takes across concurrent requests
 * @param maxBatchWait how long a partial batch waits for more images before it runs
 * @param workers threads running decoding and ONNX work (never gRPC transport threads)
 * @param maxQueued requests waiting for a worker before new ones get RESOURCE_EXHAUSTED
 * @param textCacheSize prompt embeddings kept per text model
 */
public record ScoringConfig(
    Duration pollInterval,
    int maxBatch,
    Duration maxBatchWait,
    int workers,
    int maxQueued,
    int textCacheSize,
    ImageLimits imageLimits) {
  public static final int MAX_IMAGES = 64;

  public ScoringConfig {
    if (maxBatch < 1 || workers < 1 || maxQueued < 1 || textCacheSize < 1) {
      throw new IllegalArgumentException("maxBatch, workers, maxQueued and textCacheSize must be >= 1");
    }
  }

  public static ScoringConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    // No batching wait by default: on CPU a batch of one already fills the cores, and waiting
    // only idles the encoder (docs/bench/scoring.md); batches still form from whatever queued up
    // while the previous one ran. On a GPU a few milliseconds of wait pays off.
    return new ScoringConfig(Duration.ofSeconds(5), 32, Duration.ZERO,
        Math.max(4, cores * 2), 256, 1024, ImageLimits.DEFAULT);
  }

  public ScoringConfig withPollInterval(Duration interval) {
    return new ScoringConfig(interval, maxBatch, maxBatchWait, workers, maxQueued, textCacheSize,
        imageLimits);
  }

  public ScoringConfig withBatching(int batch, Duration wait) {
    return new ScoringConfig(pollInterval, batch, wait, workers, maxQueued, textCacheSize,
        imageLimits);
  }
}
