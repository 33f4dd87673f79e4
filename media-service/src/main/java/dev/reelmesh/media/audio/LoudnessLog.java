package dev.reelmesh.media.audio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads loudness out of FFmpeg's log: the summary an {@code ebur128@name} instance prints at the
 * end of a run.
 */
final class LoudnessLog {
  private static final Pattern I = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");
  private static final Pattern LRA = Pattern.compile("LRA:\\s+(-?[0-9.]+) LU");
  private static final Pattern PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");

  private LoudnessLog() {}

  /** The summary of the ebur128 instance named {@code name} ({@code ebur128@name}). */
  static LoudnessReading ebur128(String stderr, String name) {
    int at = stderr.indexOf("[ebur128@" + name + " ");
    while (at >= 0 && !stderr.startsWith("Summary:", stderr.indexOf(']', at) + 2)) {
      at = stderr.indexOf("[ebur128@" + name + " ", at + 1);
    }
    if (at < 0) {
      throw new IllegalStateException("ffmpeg printed no loudness summary for " + name);
    }
    String block = stderr.substring(at);
    Matcher peak = PEAK.matcher(block.substring(0, Math.min(block.length(), 600)));
    // Only instances run with peak=true print a peak; NaN says "not measured".
    double tp = !peak.find() ? Double.NaN
        : peak.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(peak.group(1));
    return new LoudnessReading(number(I, block), tp, number(LRA, block));
  }


  private static double number(Pattern p, String block) {
    Matcher m = p.matcher(block);
    if (!m.find()) {
      throw new IllegalStateException("loudness summary lacks " + p.pattern());
    }
    return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
  }
}
