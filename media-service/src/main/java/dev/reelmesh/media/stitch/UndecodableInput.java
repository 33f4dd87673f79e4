package dev.reelmesh.media.stitch;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stitch runs with {@code -xerror}, so a clip or still that fails to decode part-way stops
 * the run instead of being concealed into the output. FFmpeg names the failing input by index
 * ("[vist#3:0/h264] ... Invalid data"); this turns that back into the request field.
 */
final class UndecodableInput {
  private static final Pattern INPUT = Pattern.compile("\\[(?:vist|aist|in)#(\\d+)[:/]");

  private UndecodableInput() {}

  /** INVALID_ARGUMENT naming the field when the failure points at one of {@code fields}. */
  static RuntimeException of(FfmpegException e, List<String> fields) {
    Matcher m = INPUT.matcher(e.reason());
    if (m.find()) {
      int index = Integer.parseInt(m.group(1));
      if (index < fields.size()) {
        return Statuses.invalid(fields.get(index), "cannot be decoded (" + e.reason() + ")");
      }
    }
    return e;
  }
}
