package dev.reelmesh.media.captions;

import java.util.List;
import java.util.Locale;

/** SubRip text: numbered cues, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, blank line between. */
public final class SrtWriter {
  private SrtWriter() {}

  public static String write(List<CaptionCue> cues) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (CaptionCue cue : cues) {
      out.append(n++).append('\n')
          .append(time(cue.start())).append(" --> ").append(time(cue.end())).append('\n')
          // A blank line would end the cue early; collapse the text's own line breaks.
          .append(cue.text().strip().replaceAll("\\s*\\R\\s*", " ")).append("\n\n");
    }
    return out.toString();
  }

  static String time(double seconds) {
    long ms = Math.round(Math.max(0, seconds) * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60,
        ms / 1000 % 60, ms % 1000);
  }
}
