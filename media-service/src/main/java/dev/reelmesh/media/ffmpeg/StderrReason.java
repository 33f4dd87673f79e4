package dev.reelmesh.media.ffmpeg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns FFmpeg's stderr into the few lines that explain a failure. The first errors name the
 * cause ("chunk too big", "Invalid data found"); the last one says what gave up. Thread-exit
 * chatter between them repeats error codes without saying why, so it is dropped.
 */
final class StderrReason {
  private static final Pattern NOISE = Pattern.compile(
      "Task finished with error code|Terminating thread with return code|Conversion failed"
          + "|Error opening output files|Exiting normally|^progress=|Error number -?\\d+ occurred");
  /** "[png @ 0x55c1e8629340] " — the address differs per line and hides duplicates. */
  private static final Pattern ERRORISH = Pattern.compile("(?i)error|invalid|fail|no such"
      + "|not found|cannot|unable|does not|too big|unsupported|unknown|impossible|denied");
  private static final Pattern ADDRESS = Pattern.compile(" @ 0x[0-9a-f]+");

  private StderrReason() {}

  static String of(String stderr) {
    List<String> meaningful = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      String s = ADDRESS.matcher(line.strip()).replaceAll("");
      if (!s.isEmpty() && !NOISE.matcher(s).find()) {
        meaningful.add(s);
      }
    }
    if (meaningful.isEmpty()) {
      return "no diagnostic output";
    }
    // Runs at -loglevel info (loudness metering) also log stream listings; keep the errors.
    List<String> errors = meaningful.stream().filter(s -> ERRORISH.matcher(s).find()).toList();
    if (!errors.isEmpty()) {
      meaningful = errors;
    }
    LinkedHashSet<String> picked = new LinkedHashSet<>(
        meaningful.subList(0, Math.min(2, meaningful.size())));
    picked.add(meaningful.get(meaningful.size() - 1));
    return String.join(" | ", picked);
  }
}
