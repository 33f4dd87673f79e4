package dev.reelmesh.media.captions;

import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FilterPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Captions drawn with drawtext (the bundled build has no libass, so no subtitles filter). Each
 * cue's text goes through a {@code textfile} so no caption text needs filter-graph escaping.
 */
public final class BurnIn {
  private BurnIn() {}

  /**
   * A filter chain drawing every cue, and the text files it reads (in {@code workDir}); the
   * caller deletes them after the run.
   */
  public static String filter(List<CaptionCue> cues, Path font, int fontSize, Path workDir,
      List<Path> created) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < cues.size(); i++) {
      CaptionCue cue = cues.get(i);
      Path text = workDir.resolve("caption-" + i + ".txt");
      try {
        Files.writeString(text, cue.text().strip());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write caption text " + text, e);
      }
      created.add(text);
      parts.add("drawtext=fontfile=" + FilterPaths.plain(font) + ":textfile=" + FilterPaths.plain(text)
          + ":fontsize=" + fontSize + ":fontcolor=white:borderw=2:bordercolor=black@0.8"
          + ":x=(w-text_w)/2:y=h-text_h-" + fontSize + ":enable='between(t\\,"
          + Encoders.num(cue.start()) + "\\," + Encoders.num(cue.end()) + ")'");
    }
    parts.add("format=yuv420p");
    return String.join(",", parts);
  }

}
