package dev.reelmesh.media.stitch;

import dev.reelmesh.media.motion.MotionKind;
import java.nio.file.Path;

/**
 * A still (two for BLEND: {@code end} non-null) moved by the camera for {@code seconds}.
 * {@code preview} (nullable) is where a low-resolution preview of this shot alone goes.
 */
public record StillShot(String field, Path start, Path end, MotionKind motion, double seconds,
    Path preview) implements Segment {

  @Override
  public int inputCount() {
    return end == null ? 1 : 2;
  }

  /** Whole frames at {@code fps}; the shot is exactly this long. */
  public int frames(double fps) {
    return (int) Math.max(1, Math.round(seconds * fps));
  }
}
