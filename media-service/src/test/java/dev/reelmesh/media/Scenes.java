package dev.reelmesh.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Animatic-like storyboard frames drawn with Java2D: a graded sky, a sun, hills, a house, trees,
 * a figure and a textured ground — shapes and gradients, no text. They encode like real offline
 * frames (soft gradients plus edges and texture), which test patterns do not.
 */
final class Scenes {
  private Scenes() {}

  static Path draw(Path file, int w, int h, long seed) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    float hue = rnd.nextFloat();
    g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.5f, 0.95f), 0, h * 0.6f,
        Color.getHSBColor(hue + 0.1f, 0.3f, 0.6f)));
    g.fillRect(0, 0, w, h);
    float sx = w * (0.15f + 0.7f * rnd.nextFloat());
    float sr = h * 0.12f;
    g.setPaint(new RadialGradientPaint(sx, h * 0.22f, sr * 2, new float[] {0, 0.5f, 1},
        new Color[] {new Color(255, 250, 210), new Color(255, 200, 120, 160),
            new Color(255, 200, 120, 0)}));
    g.fill(new Ellipse2D.Float(sx - sr * 2, h * 0.22f - sr * 2, sr * 4, sr * 4));
    for (int layer = 0; layer < 3; layer++) {
      Path2D hills = new Path2D.Float();
      float base = h * (0.5f + 0.08f * layer);
      hills.moveTo(0, h);
      for (int x = 0; x <= w; x += Math.max(4, w / 64)) {
        hills.lineTo(x, base - h * 0.06f * Math.sin(x * (0.004 + 0.003 * layer) * 1280.0 / w
            + rnd.nextDouble() * 0.2 + layer));
      }
      hills.lineTo(w, h);
      hills.closePath();
      g.setPaint(new GradientPaint(0, base - h * 0.1f, Color.getHSBColor(0.25f + 0.05f * layer,
          0.5f, 0.55f - 0.12f * layer), 0, h, Color.getHSBColor(0.3f, 0.6f, 0.2f)));
      g.fill(hills);
    }
    // Ground texture: many small strokes, the detail that costs an encoder bits.
    for (int i = 0; i < w * h / 400; i++) {
      float x = rnd.nextFloat() * w;
      float y = h * 0.62f + rnd.nextFloat() * h * 0.38f;
      g.setColor(Color.getHSBColor(0.22f + 0.1f * rnd.nextFloat(), 0.6f, 0.2f + 0.4f
          * rnd.nextFloat()));
      g.fillRect((int) x, (int) y, 2 + rnd.nextInt(3), 1 + rnd.nextInt(3));
    }
    float hx = w * (0.2f + 0.4f * rnd.nextFloat());
    float hy = h * 0.45f;
    g.setColor(Color.getHSBColor(rnd.nextFloat(), 0.4f, 0.85f));
    g.fillRect((int) hx, (int) hy, w / 6, h / 5);
    Path2D roof = new Path2D.Float();
    roof.moveTo(hx - w * 0.02f, hy);
    roof.lineTo(hx + w / 12f, hy - h * 0.12f);
    roof.lineTo(hx + w / 6f + w * 0.02f, hy);
    roof.closePath();
    g.setColor(new Color(150, 50, 40));
    g.fill(roof);
    g.setColor(new Color(60, 40, 30));
    g.fillRect((int) (hx + w / 14f), (int) (hy + h / 12f), w / 30, (int) (h / 5f - h / 12f));
    for (int t = 0; t < 4; t++) {
      float tx = rnd.nextFloat() * w;
      float ty = h * (0.5f + 0.15f * rnd.nextFloat());
      g.setColor(new Color(90, 60, 40));
      g.fillRect((int) tx, (int) ty, w / 100 + 2, h / 8);
      g.setPaint(new RadialGradientPaint(tx, ty, h / 10f, new float[] {0, 1},
          new Color[] {new Color(70, 140, 60), new Color(20, 70, 30)}));
      g.fill(new Ellipse2D.Float(tx - h / 10f, ty - h / 7f, h / 5f, h / 5f));
    }
    float fx = w * (0.55f + 0.3f * rnd.nextFloat());
    float fy = h * 0.62f;
    g.setColor(Color.getHSBColor(rnd.nextFloat(), 0.7f, 0.8f));
    g.setStroke(new BasicStroke(Math.max(2, h / 90f)));
    g.fill(new Ellipse2D.Float(fx - h / 40f, fy - h / 5f, h / 20f, h / 20f));
    g.fillRoundRect((int) (fx - h / 30f), (int) (fy - h / 7f), (int) (h / 15f), (int) (h / 7f),
        h / 40, h / 40);
    g.dispose();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
