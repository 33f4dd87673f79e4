package dev.reelmesh.media.stitch;

/** What happens between clip i and clip i+1; {@code seconds} is the overlap (0 for a cut). */
public record Cut(TransitionStyle style, double seconds) {
  public static final Cut HARD = new Cut(TransitionStyle.CUT, 0);

  public boolean overlaps() {
    return style != TransitionStyle.CUT;
  }
}
