package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.LyricLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lyrics file for {@code --lyrics}: one line of words per line, untimed; or LRC, each line
 * led by its time ({@code [01:02.50] words}), sung until the next line starts (the last for
 * {@link #LAST_LINE_SECONDS}). Blank lines and LRC tags ({@code [ar: …]}) are skipped.
 */
final class LyricsFile {
  static final double LAST_LINE_SECONDS = 4;
  private static final Pattern TIMED = Pattern.compile("^\\[(\\d+):(\\d+(?:\\.\\d+)?)]\\s*(.*)$");
  private static final Pattern TAG = Pattern.compile("^\\[[a-zA-Z]+:.*]$");

  private LyricsFile() {}

  /** @throws IllegalArgumentException naming the line when timed and untimed lines mix */
  static List<LyricLine> parse(String text) {
    List<LyricLine> lines = new ArrayList<>();
    List<Double> starts = new ArrayList<>();
    int number = 0;
    Boolean timed = null;
    for (String raw : text.split("\\R")) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || TAG.matcher(line).matches()) {
        continue;
      }
      Matcher m = TIMED.matcher(line);
      boolean isTimed = m.matches();
      if (timed != null && timed != isTimed) {
        throw new IllegalArgumentException("line " + number + ": mixes timed ([mm:ss.xx]) and "
            + "untimed lines; time every line or none");
      }
      timed = isTimed;
      if (isTimed) {
        double start = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
        if (!starts.isEmpty() && start <= starts.get(starts.size() - 1)) {
          throw new IllegalArgumentException("line " + number + ": starts at " + start
              + " s, not after the line before");
        }
        if (m.group(3).isBlank()) {
          // An empty timed line marks where the previous one stops.
          starts.add(start);
          lines.add(null);
          continue;
        }
        starts.add(start);
        lines.add(LyricLine.newBuilder().setText(m.group(3).strip()).setStartSeconds(start)
            .build());
      } else {
        lines.add(LyricLine.newBuilder().setText(line).build());
      }
    }
    List<LyricLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LyricLine line = lines.get(i);
      if (line == null) {
        continue;
      }
      if (Boolean.TRUE.equals(timed)) {
        double end = i + 1 < starts.size() ? starts.get(i + 1)
            : starts.get(i) + LAST_LINE_SECONDS;
        line = line.toBuilder().setEndSeconds(end).build();
      }
      out.add(line);
    }
    return out;
  }
}
