package dev.reelmesh.media;

import java.nio.file.Path;

/**
 * Tunables of the media service. {@code poolSize} bounds concurrent FFmpeg jobs;
 * {@code maxUploadBytes} bounds one Upload; {@code fontFile} is the TTF drawtext uses (null when
 * the machine has none, which makes caption burn-in and labelled sheets unavailable).
 */
public record MediaConfig(Path artifactRoot, int poolSize, long maxUploadBytes, Path fontFile) {
  public static final long DEFAULT_MAX_UPLOAD = 2L * 1024 * 1024 * 1024;

  public MediaConfig {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("maxUploadBytes must be >= 1, got " + maxUploadBytes);
    }
  }

  /** Pool = available cores (FFmpeg jobs are CPU-bound), the first system font found. */
  public static MediaConfig defaults(Path artifactRoot) {
    return new MediaConfig(artifactRoot, Math.max(1, Runtime.getRuntime().availableProcessors()),
        DEFAULT_MAX_UPLOAD, Fonts.find().orElse(null));
  }
}
