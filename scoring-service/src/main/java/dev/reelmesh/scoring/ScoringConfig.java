package dev.reelmesh.scoring;

import dev.reelmesh.common.fetch.FetchPolicy;
import dev.reelmesh.scoring.image.ImageLimits;
import java.time.Duration;
import java.util.Map;

/**
 * Tunables of the scoring service.
 *
 * @param pollInterval how often the model repository is re-scanned for new versions (zero = never)
 * @param maxBatch most images one image-encoder call takes across concurrent requests
 * @param maxBatchWait how long a partial batch waits for more images before it runs
 * @param workers threads running decoding and ONNX work (never gRPC transport threads)
 * @param maxQueued requests waiting for a worker before new ones get RESOURCE_EXHAUSTED
 * @param textCacheSize prompt embeddings kept per text model
 * @param fetch which hosts images given by URL may be fetched from (off by default)
 */
public record ScoringConfig(
    Duration pollInterval,
    int maxBatch,
    Duration maxBatchWait,
    int workers,
    int maxQueued,
    int textCacheSize,
    ImageLimits imageLimits,
    FetchPolicy fetch) {
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
        Math.max(4, cores * 2), 256, 1024, ImageLimits.DEFAULT, FetchPolicy.DISABLED);
  }

  public static final String MAX_BATCH_ENV = "REELMESH_SCORING_MAX_BATCH";
  public static final String BATCH_WAIT_ENV = "REELMESH_SCORING_BATCH_WAIT_MS";
  public static final String WORKERS_ENV = "REELMESH_SCORING_WORKERS";

  /**
   * The defaults, with batching, workers and the URL fetch policy taken from the environment
   * where set (operators tune a deployment without code: a GPU wants a few ms of batching
   * wait). A malformed value is refused with the variable's name rather than ignored.
   */
  public static ScoringConfig fromEnvironment(Map<String, String> env) {
    ScoringConfig d = defaults();
    int batch = positive(env, MAX_BATCH_ENV, d.maxBatch());
    long waitMs = env.containsKey(BATCH_WAIT_ENV) ? parse(env, BATCH_WAIT_ENV) : d.maxBatchWait().toMillis();
    if (waitMs < 0 || waitMs > 1000) {
      throw new IllegalArgumentException(BATCH_WAIT_ENV + " must be 0-1000 (milliseconds), got "
          + env.get(BATCH_WAIT_ENV));
    }
    return new ScoringConfig(d.pollInterval(), batch, Duration.ofMillis(waitMs),
        positive(env, WORKERS_ENV, d.workers()), d.maxQueued(), d.textCacheSize(), d.imageLimits(),
        FetchPolicy.fromEnv(env));
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    if (!env.containsKey(name)) {
      return fallback;
    }
    long value = parse(env, name);
    if (value < 1 || value > 1024) {
      throw new IllegalArgumentException(name + " must be 1-1024, got " + env.get(name));
    }
    return (int) value;
  }

  private static long parse(Map<String, String> env, String name) {
    try {
      return Long.parseLong(env.get(name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + env.get(name)
          + "'");
    }
  }

  public ScoringConfig withPollInterval(Duration interval) {
    return new ScoringConfig(interval, maxBatch, maxBatchWait, workers, maxQueued, textCacheSize,
        imageLimits, fetch);
  }

  public ScoringConfig withBatching(int batch, Duration wait) {
    return new ScoringConfig(pollInterval, batch, wait, workers, maxQueued, textCacheSize,
        imageLimits, fetch);
  }

  public ScoringConfig withFetch(FetchPolicy policy) {
    return new ScoringConfig(pollInterval, maxBatch, maxBatchWait, workers, maxQueued,
        textCacheSize, imageLimits, policy);
  }
}
