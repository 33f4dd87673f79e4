package dev.reelmesh.media.stitch;

/** A cut between two clips; every style but CUT overlaps the clips through xfade. */
public enum TransitionStyle {
  CUT(null),
  /** Out to black and back in. */
  FADE("fadeblack"),
  /** The classic cross-dissolve (xfade's "fade"; its "dissolve" is a pixel-noise effect). */
  DISSOLVE("fade"),
  WIPE_LEFT("wipeleft"),
  WIPE_RIGHT("wiperight"),
  SLIDE_LEFT("slideleft"),
  SLIDE_RIGHT("slideright");

  private final String xfade;

  TransitionStyle(String xfade) {
    this.xfade = xfade;
  }

  /** The xfade transition name; null for a cut. */
  public String xfadeName() {
    return xfade;
  }
}
