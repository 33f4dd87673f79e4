package dev.reelmesh.media.stitch;

import dev.reelmesh.media.probe.MediaInfo;
import java.nio.file.Path;

/** One input clip with what ffprobe said about it; {@code field} names it in errors. */
public record StitchClip(String field, Path path, MediaInfo info) {
  /** Seconds of picture: the video stream's own length when the container gives one. */
  public double seconds() {
    double video = info.video().map(v -> v.durationSeconds()).orElse(0.0);
    return video > 0 ? video : info.durationSeconds();
  }
}
