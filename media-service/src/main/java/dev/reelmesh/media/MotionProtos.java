package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.motion.MotionKind;
import dev.reelmesh.v1.Motion;

/** The wire's {@link Motion} to {@link MotionKind}, with the defaults the contract gives. */
final class MotionProtos {
  private MotionProtos() {}

  /**
   * UNSPECIFIED is a push-in for one still and the blend for two; an unknown value is refused
   * naming {@code field}, and so is BLEND without an end still.
   */
  static MotionKind kind(String field, Motion m, boolean hasEnd) {
    MotionKind kind = switch (m) {
      case MOTION_UNSPECIFIED -> hasEnd ? MotionKind.BLEND : MotionKind.ZOOM_IN;
      case MOTION_STATIC -> MotionKind.STATIC;
      case MOTION_ZOOM_IN -> MotionKind.ZOOM_IN;
      case MOTION_ZOOM_OUT -> MotionKind.ZOOM_OUT;
      case MOTION_PAN_LEFT -> MotionKind.PAN_LEFT;
      case MOTION_PAN_RIGHT -> MotionKind.PAN_RIGHT;
      case MOTION_PAN_UP -> MotionKind.PAN_UP;
      case MOTION_PAN_DOWN -> MotionKind.PAN_DOWN;
      case MOTION_GLIDE -> MotionKind.GLIDE;
      case MOTION_BLEND -> MotionKind.BLEND;
      case UNRECOGNIZED -> throw Statuses.invalid(field, "unknown motion value " + m);
    };
    return kind;
  }
}
