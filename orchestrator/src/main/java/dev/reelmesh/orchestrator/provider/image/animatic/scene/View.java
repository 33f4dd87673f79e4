package dev.reelmesh.orchestrator.provider.image.animatic.scene;

/**
 * The camera's view of the stage: the shot's framing scaled by the composition, big enough for
 * the subject, placed so the focus lands at the composition's spot across the frame; the end
 * frame is where the camera move arrives.
 */
final class View {
  private View() {}

  static SceneGraph.View of(Camera camera, Composition comp, boolean end, double worldWidth,
      double aspect, double focusX, double focusY, double minHeight) {
    double h = Math.min(100, camera.framing().viewHeight() * comp.viewScale() * 100);
    double dx = 0;
    double dy = 0;
    switch (camera.move()) {
      case PUSH_IN -> h *= end ? 0.72 : 1;
      case PULL_OUT -> h *= end ? 1 : 0.72;
      case PAN_LEFT -> dx = end ? -0.2 * h * aspect : 0.05 * h * aspect;
      case PAN_RIGHT -> dx = end ? 0.2 * h * aspect : -0.05 * h * aspect;
      case RISE -> {
        dy = end ? -0.12 * h : 0;
        h *= end ? 1.1 : 1;
      }
      default -> { }
    }
    h = Math.max(Math.min(100, h), Math.min(100, minHeight));
    double w = h * aspect;
    double cx = focusX - (comp.placement() - 0.5) * w + dx;
    double cy = focusY + 0.06 * h + dy;
    cx = clamp(cx, w / 2, worldWidth - w / 2);
    cy = clamp(cy, h / 2, 100 - h / 2);
    double tilt = comp.angle().tilt * (comp.placement() < 0.5 ? 1 : -1);
    return new SceneGraph.View(cx, cy, h, tilt);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
