package dev.reelmesh.media.motion;

/**
 * How the camera moves over the still(s). The camera words of a shot map onto these: push-in
 * ZOOM_IN, pull-out ZOOM_OUT, tilt PAN_UP/PAN_DOWN, glide GLIDE; only BLEND uses an end still.
 */
public enum MotionKind {
  STATIC, ZOOM_IN, ZOOM_OUT, PAN_LEFT, PAN_RIGHT, PAN_UP, PAN_DOWN, GLIDE, BLEND;

  public boolean needsEndFrame() {
    return this == BLEND;
  }
}
