package dev.reelmesh.scoring.clipcheck;

import dev.reelmesh.scoring.image.RgbImage;
import java.util.List;

/** A rendered clip's frames, what it was asked to show, and the bar it must clear. */
public record ClipCheckRequest(List<Frame> frames, String prompt, RgbImage storyboard,
    double threshold) {
  /** {@code position}: "start", "middle", "end" or "frame". */
  public record Frame(RgbImage image, String position) {}
}
