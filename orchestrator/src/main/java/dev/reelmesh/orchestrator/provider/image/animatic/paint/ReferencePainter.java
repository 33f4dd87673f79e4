package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * The user's reference image as the hero: cut out from its background (pixels close to the
 * colour of its border become transparent, with a soft edge) and set where the subject stands,
 * at the subject's size, with the subject's contact shadow. A photo with no plain background
 * (the cut would take most of it) is framed whole instead.
 */
public final class ReferencePainter {
  private ReferencePainter() {}

  /** The reference with its border-coloured background keyed out; computed once per image. */
  public static BufferedImage cutOut(BufferedImage source) {
    int w = source.getWidth();
    int h = source.getHeight();
    long r = 0, g = 0, b = 0, n = 0;
    for (int x = 0; x < w; x++) {
      for (int y : new int[] {0, h - 1}) {
        int p = source.getRGB(x, y);
        r += (p >> 16) & 0xff; g += (p >> 8) & 0xff; b += p & 0xff; n++;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x : new int[] {0, w - 1}) {
        int p = source.getRGB(x, y);
        r += (p >> 16) & 0xff; g += (p >> 8) & 0xff; b += p & 0xff; n++;
      }
    }
    double br = (double) r / n, bg = (double) g / n, bb = (double) b / n;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    long kept = 0;
    int minX = w, minY = h, maxX = -1, maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = source.getRGB(x, y);
        double d = Math.sqrt(sq(((p >> 16) & 0xff) - br) + sq(((p >> 8) & 0xff) - bg)
            + sq((p & 0xff) - bb));
        // Within 24 of the background: gone; beyond 64: kept; a ramp between them.
        double a = Math.max(0, Math.min(1, (d - 24) / 40.0)) * (((p >>> 24) & 0xff) / 255.0);
        out.setRGB(x, y, ((int) Math.round(a * 255) << 24) | (p & 0xffffff));
        if (a > 0.5) {
          kept++;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (kept < MIN_KEPT * w * h) {
      return framed(source);
    }
    // Cropped to what is left, so the object itself stands on the subject's ground line.
    return out.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1);
  }

  /** Under this share of pixels left, the "background" was the picture itself. */
  static final double MIN_KEPT = 0.08;

  /** The whole photo with rounded corners and a light border. */
  private static BufferedImage framed(BufferedImage source) {
    int w = source.getWidth();
    int h = source.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    java.awt.geom.RoundRectangle2D card = new java.awt.geom.RoundRectangle2D.Double(0, 0, w, h,
        w * 0.12, w * 0.12);
    g.setClip(card);
    g.drawImage(source, 0, 0, null);
    g.setClip(null);
    g.setColor(new Color(255, 255, 255, 200));
    g.setStroke(new java.awt.BasicStroke(Math.max(2f, w / 60f)));
    g.draw(card);
    g.dispose();
    return out;
  }

  public static void paint(Graphics2D g, BufferedImage cutOut, SceneGraph.Item subject) {
    double s = subject.size() * 1.1;
    double aspect = (double) cutOut.getWidth() / Math.max(1, cutOut.getHeight());
    double w = Math.min(s * aspect, s * 1.6);
    double h = w / aspect;
    g.setColor(new Color(0, 0, 0, 70));
    g.fill(new Ellipse2D.Double(subject.x() - w * 0.45, subject.baseY() - h * 0.05, w * 0.9,
        h * 0.1));
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    java.awt.geom.AffineTransform at = new java.awt.geom.AffineTransform();
    at.translate(subject.x() - w / 2, subject.baseY() - h);
    at.scale(w / cutOut.getWidth(), h / cutOut.getHeight());
    g.drawImage(cutOut, at, null);
  }

  private static double sq(double v) {
    return v * v;
  }
}
