package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Encoders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Pictures out of test outputs, as grey pixels, to compare frames numerically. */
final class Pictures {
  private Pictures() {}

  /** The frame showing at {@code seconds}, scaled to {@code w} x {@code h}, 8-bit grey. */
  static byte[] grey(Path video, double seconds, int w, int h) {
    try {
      Path raw = Files.createTempFile("frame", ".gray");
      try {
        TestMedia.ffmpeg(List.of("-ss", Encoders.num(seconds), "-i", video.toString(),
            "-frames:v", "1", "-vf", "scale=" + w + ":" + h, "-f", "rawvideo", "-pix_fmt", "gray",
            raw.toString()));
        return Files.readAllBytes(raw);
      } finally {
        Files.deleteIfExists(raw);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mean absolute difference, 0–255, over the rows {@code [fromRow, toRow)}. */
  static double difference(byte[] a, byte[] b, int w, int fromRow, int toRow) {
    long sum = 0;
    for (int i = fromRow * w; i < toRow * w; i++) {
      sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
    }
    return sum / (double) ((toRow - fromRow) * w);
  }

  /** Mean brightness, 0–255, over the rows {@code [fromRow, toRow)}. */
  static double mean(byte[] a, int w, int fromRow, int toRow) {
    long sum = 0;
    for (int i = fromRow * w; i < toRow * w; i++) {
      sum += a[i] & 0xff;
    }
    return sum / (double) ((toRow - fromRow) * w);
  }
}
