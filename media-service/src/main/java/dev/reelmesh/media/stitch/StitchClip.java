package dev.reelmesh.media.stitch;

import dev.reelmesh.media.probe.MediaInfo;
import java.nio.file.Path;

/**
 * One input clip with what ffprobe said about it; {@code field} names it in errors.
 * {@code keepSeconds} > 0 uses only the clip's first that many seconds (0 = the whole clip).
 */
public record StitchClip(String field, Path path, MediaInfo info, double keepSeconds)
    implements Segment {
  /** The whole clip. */
  public StitchClip(String field, Path path, MediaInfo info) {
    this(field, path, info, 0);
  }

  public StitchClip trimmedTo(double seconds) {
    return new StitchClip(field, path, info, seconds);
  }

  /** Seconds of picture: the video stream's own length when the container gives one. */
  public double probedSeconds() {
    double video = info.video().map(v -> v.durationSeconds()).orElse(0.0);
    return video > 0 ? video : info.durationSeconds();
  }

  /**
   * Seconds this clip takes on the timeline. Capped at the probed length: a trim may exceed it
   * by up to a frame (the caller's tolerance), and trimming past the end would only pad.
   */
  @Override
  public double seconds() {
    double whole = probedSeconds();
    return keepSeconds > 0 ? Math.min(keepSeconds, whole) : whole;
  }

  @Override
  public int inputCount() {
    return 1;
  }
}
