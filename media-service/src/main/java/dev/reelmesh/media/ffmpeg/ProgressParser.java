package dev.reelmesh.media.ffmpeg;

import java.util.function.Consumer;

/**
 * Reads FFmpeg's {@code -progress pipe:1} key=value blocks. A block ends with
 * {@code progress=continue} or {@code progress=end}; only then is it reported.
 */
final class ProgressParser {
  private final Consumer<Progress> sink;
  private double outTime;
  private double speed;

  ProgressParser(Consumer<Progress> sink) {
    this.sink = sink;
  }

  void line(String line) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      return;
    }
    String key = line.substring(0, eq).strip();
    String value = line.substring(eq + 1).strip();
    switch (key) {
      case "out_time_us", "out_time_ms" -> {
        // Both keys carry microseconds (out_time_ms is misnamed in FFmpeg).
        try {
          outTime = Math.max(0, Long.parseLong(value) / 1_000_000.0);
        } catch (NumberFormatException ignored) {
          // "N/A" before the first frame is written.
        }
      }
      case "speed" -> {
        try {
          speed = Double.parseDouble(value.replace("x", ""));
        } catch (NumberFormatException ignored) {
          // "N/A" at the start.
        }
      }
      case "progress" -> sink.accept(new Progress(outTime, speed, value.equals("end")));
      default -> { }
    }
  }
}
