package dev.reelmesh.media.motion;

import java.nio.file.Path;

/** A validated motion clip job. {@code end} is null for one-still motions. */
public record MotionSpec(Path start, Path end, double durationSeconds, int width, int height,
    double fps, MotionKind motion, Path output) {

  /** Whole frames; the clip is exactly this many frames long. */
  public int frames() {
    return (int) Math.max(1, Math.round(durationSeconds * fps));
  }
}
