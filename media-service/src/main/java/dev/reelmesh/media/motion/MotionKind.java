package dev.reelmesh.media.motion;

/** How the camera moves over the still(s). */
public enum MotionKind {
  STATIC, ZOOM_IN, ZOOM_OUT, PAN_LEFT, PAN_RIGHT, PAN_UP, PAN_DOWN, BLEND
}
