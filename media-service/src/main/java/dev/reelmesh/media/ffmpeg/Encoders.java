package dev.reelmesh.media.ffmpeg;

import java.util.List;

/**
 * The encoder settings every H.264 output shares. The LGPL build has no libx264; libopenh264 is
 * its H.264 encoder. It is fast at a fixed bitrate (about 0.12 bits per pixel per frame, ~2.7 Mb/s
 * at 1280x720 24 fps), which keeps a 30 s offline job within its minute on two cores.
 */
public final class Encoders {
  private Encoders() {}

  public static List<String> h264(int width, int height, double fps) {
    long bitrate = Math.max(200_000L, Math.round(width * (double) height * fps * 0.12));
    int gop = (int) Math.max(1, Math.round(fps * 2));
    return List.of("-c:v", "libopenh264", "-b:v", Long.toString(bitrate), "-g",
        Integer.toString(gop), "-pix_fmt", "yuv420p");
  }

  public static List<String> aac() {
    return List.of("-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2");
  }

  /** Decimal text FFmpeg parses, without locale surprises or exponent notation. */
  public static String num(double value) {
    return new java.math.BigDecimal(value).setScale(6, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }
}
