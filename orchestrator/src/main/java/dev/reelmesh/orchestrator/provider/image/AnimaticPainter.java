package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.orchestrator.provider.image.animatic.paint.Atmosphere;
import dev.reelmesh.orchestrator.provider.image.animatic.paint.Backdrop;
import dev.reelmesh.orchestrator.provider.image.animatic.paint.FigurePainter;
import dev.reelmesh.orchestrator.provider.image.animatic.paint.ItemPainter;
import dev.reelmesh.orchestrator.provider.image.animatic.paint.ReferencePainter;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Renders one {@link SceneGraph} to pixels: the camera's view becomes a world-to-image
 * transform, then the setting, the people, the table, the props, the subject (the user's
 * reference cut out, when there is one) and the weather are drawn in that order. Nothing else
 * is drawn: no captions, no labels, no trace of another frame.
 */
final class AnimaticPainter {
  private final SceneGraph scene;
  private final int width;
  private final int height;
  private final BufferedImage reference;
  private final long seed;

  /**
   * @param reference the user's reference, already cut out, or null
   * @param seed fixes the setting's incidental detail (trees, clouds); shared by a clip's frames
   */
  AnimaticPainter(SceneGraph scene, int width, int height, BufferedImage reference, long seed) {
    this.scene = scene;
    this.width = width;
    this.height = height;
    this.reference = reference;
    this.seed = seed;
  }

  BufferedImage paint() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setTransform(worldToImage());
      Backdrop.paint(g, scene, seed);
      scene.figures().forEach(f -> FigurePainter.paint(g, f));
      Backdrop.surface(g, scene);
      scene.props().forEach(p -> ItemPainter.paint(g, p, false));
      if (scene.subject() != null) {
        if (reference != null) {
          ReferencePainter.paint(g, reference, scene.subject());
        } else {
          ItemPainter.paint(g, scene.subject(), true);
        }
      }
      Atmosphere.paint(g, scene, seed);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The view's rectangle onto the image; a tilted view is scaled so no corner shows void. */
  AffineTransform worldToImage() {
    SceneGraph.View view = scene.view();
    double aspect = (double) width / height;
    double scale = height / view.height();
    double tilt = Math.toRadians(view.tiltDegrees());
    double cover = Math.abs(Math.cos(tilt)) + Math.abs(Math.sin(tilt)) * Math.max(aspect,
        1 / aspect);
    AffineTransform t = new AffineTransform();
    t.translate(width / 2.0, height / 2.0);
    t.rotate(tilt);
    t.scale(scale * cover, scale * cover);
    t.translate(-view.centreX(), -view.centreY());
    return t;
  }
}
