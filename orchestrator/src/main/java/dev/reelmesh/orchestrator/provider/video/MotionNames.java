package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.Motion;

/** A camera move by the words a person uses for it, for events and the report. */
public final class MotionNames {
  private MotionNames() {}

  public static String of(Motion motion) {
    return switch (motion) {
      case MOTION_STATIC -> "static";
      case MOTION_ZOOM_IN, MOTION_UNSPECIFIED -> "push-in";
      case MOTION_ZOOM_OUT -> "pull-out";
      case MOTION_PAN_LEFT -> "pan-left";
      case MOTION_PAN_RIGHT -> "pan-right";
      case MOTION_PAN_UP -> "tilt-up";
      case MOTION_PAN_DOWN -> "tilt-down";
      case MOTION_GLIDE -> "glide";
      case MOTION_BLEND -> "start-to-end blend";
      case UNRECOGNIZED -> "unknown";
    };
  }
}
