package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Measurements the tests take on outputs with FFmpeg's own meters. */
final class Levels {
  private Levels() {}

  /** Integrated loudness (LUFS) of the whole file, by ebur128. */
  static double integratedLufs(Path file) {
    String log = TestMedia.RUNNER.ffmpeg("ebur128", List.of("-loglevel", "info", "-nostats",
        "-i", file.toString(), "-af", "ebur128=framelog=verbose", "-f", "null", "-"),
        Cancellation.none(), null);
    return last(Pattern.compile("I:\\s+(-?[0-9.]+) LUFS"), log);
  }

  /** RMS level (dB) of the band below {@code lowpassHz} between two times. */
  static double bandRmsDb(Path file, double from, double to, int lowpassHz) {
    String log = TestMedia.RUNNER.ffmpeg("astats", List.of("-loglevel", "info", "-nostats",
        "-ss", Encoders.num(from), "-t", Encoders.num(to - from), "-i", file.toString(),
        "-af", "lowpass=f=" + lowpassHz + ",lowpass=f=" + lowpassHz + ",astats=measure_perchannel=none",
        "-f", "null", "-"), Cancellation.none(), null);
    return last(Pattern.compile("RMS level dB:\\s+(-?[0-9.]+|-inf)"), log);
  }

  /** True peak (dBTP) of the whole file, by ebur128 (4x oversampled). */
  static double truePeakDbtp(Path file) {
    String log = TestMedia.RUNNER.ffmpeg("ebur128 peak", List.of("-loglevel", "info", "-nostats",
        "-i", file.toString(), "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"),
        Cancellation.none(), null);
    return last(Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS"), log);
  }

  private static double last(Pattern p, String log) {
    Matcher m = p.matcher(log);
    String value = null;
    while (m.find()) {
      value = m.group(1);
    }
    if (value == null) {
      throw new AssertionError("no " + p.pattern() + " in:\n" + log);
    }
    return value.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
  }
}
