package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.Locale;

/**
 * The framing and move a camera word asks for ("close-up", "slow pan", "zoom out", "macro",
 * "wide establishing", "push-in"...). The words come from the clip's camera field and the
 * frame's prompt, so an instruction such as "make it a close-up" changes the frame.
 */
public record Camera(Framing framing, CameraMove move, String words) {
  public static Camera read(String cameraField, String prompt) {
    String camera = cameraField == null ? "" : cameraField.toLowerCase(Locale.ROOT);
    String text = (camera + " " + (prompt == null ? "" : prompt.toLowerCase(Locale.ROOT)));
    return new Camera(framing(text, camera), move(camera.isBlank() ? text : camera),
        camera.strip());
  }

  private static Framing framing(String text, String camera) {
    if (has(text, "macro", "extreme close", "extreme-close")) {
      return Framing.EXTREME_CLOSE;
    }
    if (has(text, "close-up", "close up", "closeup", "close shot", "detail", "tight")) {
      return Framing.CLOSE;
    }
    if (has(text, "wide", "establishing", "aerial", "drone", "panorama", "long shot")
        || has(camera, "zoom out", "pull back", "pull-back", "pull out")) {
      return Framing.WIDE;
    }
    return Framing.MEDIUM;
  }

  private static CameraMove move(String camera) {
    if (has(camera, "push", "zoom in", "dolly in", "push-in")) {
      return CameraMove.PUSH_IN;
    }
    if (has(camera, "zoom out", "pull", "dolly out", "reveal")) {
      return CameraMove.PULL_OUT;
    }
    if (has(camera, "pan left", "left")) {
      return CameraMove.PAN_LEFT;
    }
    if (has(camera, "pan")) {
      return CameraMove.PAN_RIGHT;
    }
    if (has(camera, "track", "glide", "follow", "dolly", "handheld", "gopro")) {
      return CameraMove.TRACK;
    }
    if (has(camera, "crane", "rise", "tilt up", "aerial", "drone")) {
      return CameraMove.RISE;
    }
    return CameraMove.STATIC;
  }

  private static boolean has(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
