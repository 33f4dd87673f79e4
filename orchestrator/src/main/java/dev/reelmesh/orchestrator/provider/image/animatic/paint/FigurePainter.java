package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.Age;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.CharacterSpec;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;

/**
 * A person as a simple figure: legs in the bottom colour, torso and sleeves in the top colour,
 * head and hands in skin tone, hair (grey for elders), an eye toward where they face. The pose
 * sets the limbs; the phase (0 at a shot's start, 1 at its end) moves them.
 */
public final class FigurePainter {
  private FigurePainter() {}

  public static void paint(Graphics2D g, SceneGraph.Figure f) {
    CharacterSpec c = f.spec();
    double h = f.height();
    double x = f.x();
    double base = f.baseY();
    double headR = h * (c.age() == Age.CHILD ? 0.12 : 0.09);
    double hip = base - h * 0.46;
    double shoulder = base - h * 0.8;
    double stoop = c.age() == Age.ELDER ? h * 0.03 * f.facing() : 0;
    Limbs limbs = Limbs.of(c.pose(), f.phase(), f.facing());
    g.setColor(new Color(0, 0, 0, 55));
    g.fill(new Ellipse2D.Double(x - h * 0.18, base - h * 0.02, h * 0.36, h * 0.04));
    float limb = (float) (h * 0.085);
    g.setStroke(new BasicStroke(limb, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(c.bottom());
    double legLen = h * (limbs.sitting() ? 0.3 : 0.44);
    for (double angle : limbs.legs()) {
      Point2D knee = along(x, hip, angle, legLen * 0.5);
      Point2D foot = along(knee.getX(), knee.getY(), limbs.sitting() ? 0 : angle * 0.4, legLen * 0.5);
      if (limbs.sitting()) {
        foot = new Point2D.Double(knee.getX() + f.facing() * h * 0.02, knee.getY() + h * 0.2);
      }
      g.draw(new Line2D.Double(x, hip, knee.getX(), knee.getY()));
      g.draw(new Line2D.Double(knee, foot));
    }
    double torsoW = h * 0.24;
    RoundRectangle2D torso = new RoundRectangle2D.Double(x - torsoW / 2 + stoop, shoulder,
        torsoW, hip - shoulder + h * 0.04, torsoW * 0.5, torsoW * 0.5);
    g.setColor(c.top());
    g.fill(torso);
    g.setColor(Tones.shade(c.top(), 0.55));
    g.setStroke(new BasicStroke((float) (h * 0.012)));
    g.draw(torso);
    g.setStroke(new BasicStroke(limb * 0.85f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (double angle : limbs.arms()) {
      double sx = x + stoop;
      double sy = shoulder + h * 0.05;
      Point2D elbow = along(sx, sy, angle, h * 0.17);
      Point2D hand = along(elbow.getX(), elbow.getY(), angle * limbs.forearm(), h * 0.16);
      g.setColor(c.top());
      g.draw(new Line2D.Double(sx, sy, elbow.getX(), elbow.getY()));
      g.draw(new Line2D.Double(elbow, hand));
      g.setColor(c.skin());
      g.fill(new Ellipse2D.Double(hand.getX() - limb * 0.6, hand.getY() - limb * 0.6, limb * 1.2,
          limb * 1.2));
    }
    head(g, c, x + stoop * 2, shoulder - headR * 0.95, headR, f.facing());
  }

  private static void head(Graphics2D g, CharacterSpec c, double x, double y, double r,
      int facing) {
    g.setColor(c.skin());
    g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    g.setColor(c.hair());
    g.fill(new java.awt.geom.Arc2D.Double(x - r * 1.05, y - r * 1.1, 2.1 * r, 1.9 * r,
        facing > 0 ? 20 : -30, 190, java.awt.geom.Arc2D.CHORD));
    g.setColor(new Color(35, 30, 30));
    double eye = r * 0.16;
    g.fill(new Ellipse2D.Double(x + facing * r * 0.45 - eye, y + r * 0.05 - eye, 2 * eye,
        2 * eye));
  }

  /** The point {@code length} away from (x, y) at {@code angle} degrees from straight down. */
  static Point2D along(double x, double y, double angle, double length) {
    double rad = Math.toRadians(angle);
    return new Point2D.Double(x + Math.sin(rad) * length, y + Math.cos(rad) * length);
  }
}
