package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Draws a pictogram item in world units: a soft contact shadow, the glyph's silhouette in the
 * item's colour, its line art in a dark shade of that colour on top. A placeholder (no glyph
 * matched the noun) is a dashed, crossed box: visibly "something goes here".
 */
public final class ItemPainter {
  private ItemPainter() {}

  public static void paint(Graphics2D g, SceneGraph.Item item, boolean hero) {
    double s = item.size();
    g.setColor(new Color(0, 0, 0, hero ? 70 : 45));
    g.fill(new Ellipse2D.Double(item.x() - s * 0.45, item.baseY() - s * 0.05, s * 0.9, s * 0.1));
    if (item.pictogram().isPlaceholder()) {
      placeholder(g, item);
      return;
    }
    Shape[] shapes = Glyphs.shapes(item.pictogram().codePoint());
    AffineTransform place = new AffineTransform();
    place.translate(item.x(), item.baseY());
    place.scale(s, s);
    Shape art = place.createTransformedShape(shapes[0]);
    Shape body = place.createTransformedShape(shapes[1]);
    Color colour = item.colour();
    if (hero) {
      // A rim of light separates the hero from any backdrop, dark or light.
      Color rim = Tones.luma(colour) > 140 ? new Color(30, 30, 36) : new Color(255, 250, 240);
      g.setColor(Tones.alpha(rim, 0.85));
      g.setStroke(new BasicStroke((float) (s * 0.035), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.draw(body);
    }
    g.setColor(colour);
    g.fill(body);
    g.setColor(Tones.shade(colour, 0.35));
    g.fill(art);
  }

  private static void placeholder(Graphics2D g, SceneGraph.Item item) {
    double s = item.size();
    RoundRectangle2D box = new RoundRectangle2D.Double(item.x() - s * 0.4, item.baseY() - s,
        s * 0.8, s, s * 0.12, s * 0.12);
    g.setColor(Tones.alpha(item.colour(), 0.35));
    g.fill(box);
    g.setColor(Tones.shade(item.colour(), 0.4));
    float w = (float) (s * 0.03);
    g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1,
        new float[] {w * 3, w * 2}, 0));
    g.draw(box);
    g.setStroke(new BasicStroke(w));
    g.draw(new Line2D.Double(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()));
    g.draw(new Line2D.Double(box.getMaxX(), box.getMinY(), box.getMinX(), box.getMaxY()));
  }

  /** A glyph by code point at (x, base), {@code size} tall, in one flat colour: decor. */
  static void flat(Graphics2D g, int codePoint, double x, double base, double size, Color c) {
    AffineTransform place = new AffineTransform();
    place.translate(x, base);
    place.scale(size, size);
    g.setColor(c);
    g.fill(place.createTransformedShape(Glyphs.shapes(codePoint)[1]));
    g.setColor(Tones.shade(c, 0.7));
    g.fill(place.createTransformedShape(Glyphs.shapes(codePoint)[0]));
  }
}
