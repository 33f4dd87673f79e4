package dev.reelmesh.media.audio;

import java.nio.file.Path;

/**
 * The music bed: a file ({@code fileSeconds} long; looped or trimmed), the generated ambient bed, or none. Levels are in
 * dB; {@code duckDb} below 0 disables ducking.
 */
public record MusicSource(Path file, double fileSeconds, boolean generate, double fadeIn, double fadeOut,
    double gainDb, double duckDb) {

  public static MusicSource none() {
    return new MusicSource(null, 0, false, 0, 0, 0, -1);
  }

  public boolean present() {
    return file != null || generate;
  }
}
