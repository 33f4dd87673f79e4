package dev.reelmesh.media.ffmpeg;

import dev.reelmesh.common.error.Statuses;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders run with {@code -xerror}, so an input that fails to decode part-way stops the run
 * instead of being concealed (frozen or grey frames) in the output. FFmpeg names the failing input by index
 * ("[vist#3:0/h264] ... Invalid data"); this turns that back into the request field.
 */
public final class UndecodableInput {
  private static final Pattern INPUT = Pattern.compile("\\[(?:vist|aist|in)#(\\d+)[:/]");

  private static final Pattern FAILED = Pattern.compile("(?i)error|invalid|corrupt");

  private UndecodableInput() {}

  /** INVALID_ARGUMENT naming the field when the failure points at one of {@code fields}. */
  public static RuntimeException of(FfmpegException e, List<String> fields) {
    // The decoder's own lines ("[h264] Invalid NAL unit size") do not say which input; FFmpeg's
    // per-input task lines do, anywhere in the log.
    for (String line : e.log().split("\n")) {
      Matcher m = INPUT.matcher(line);
      if (m.find() && FAILED.matcher(line).find()) {
        int index = Integer.parseInt(m.group(1));
        if (index < fields.size()) {
          return Statuses.invalid(fields.get(index), "cannot be decoded (" + e.reason() + ")");
        }
      }
    }
    return e;
  }
}
