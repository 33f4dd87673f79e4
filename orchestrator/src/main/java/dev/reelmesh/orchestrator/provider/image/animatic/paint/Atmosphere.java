package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * What lies over the whole scene: rain or snow, steam over the subject, and the grade of the
 * light (warm at dawn and dusk, blue at night, soft for a calm mood).
 */
public final class Atmosphere {
  private Atmosphere() {}

  public static void paint(Graphics2D g, SceneGraph scene, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double w = scene.stage().width();
    // Indoors the weather shows through the window only (drawn with the sky there).
    String weather = scene.setting().indoor() && !scene.weather().equals("steam") ? ""
        : scene.weather();
    switch (weather) {
      case "rain" -> {
        g.setColor(new Color(220, 230, 245, 110));
        g.setStroke(new BasicStroke(0.25f));
        for (int i = 0; i < 260; i++) {
          double x = random.nextDouble() * w;
          double y = random.nextDouble() * 100;
          g.draw(new Line2D.Double(x, y, x - 0.8, y + 3.2));
        }
      }
      case "snow" -> {
        g.setColor(new Color(255, 255, 255, 200));
        for (int i = 0; i < 220; i++) {
          double r = 0.3 + random.nextDouble() * 0.5;
          g.fill(new Ellipse2D.Double(random.nextDouble() * w, random.nextDouble() * 100, r, r));
        }
      }
      case "steam" -> {
        SceneGraph.Item s = scene.subject();
        if (s != null) {
          g.setColor(new Color(255, 255, 255, 120));
          g.setStroke(new BasicStroke((float) (s.size() * 0.03), BasicStroke.CAP_ROUND,
              BasicStroke.JOIN_ROUND));
          for (int k = -1; k <= 1; k++) {
            double x = s.x() + k * s.size() * 0.18;
            double y = s.top() - s.size() * 0.05;
            g.draw(new CubicCurve2D.Double(x, y, x - s.size() * 0.1, y - s.size() * 0.15,
                x + s.size() * 0.1, y - s.size() * 0.25, x, y - s.size() * 0.4));
          }
        }
      }
      default -> { }
    }
    Color grade = switch (scene.light()) {
      case "dawn" -> new Color(255, 190, 140, 26);
      case "dusk" -> new Color(255, 120, 60, 34);
      case "night" -> new Color(20, 30, 80, 60);
      default -> scene.mood().contains("calm") ? new Color(200, 220, 255, 20) : null;
    };
    if (grade != null) {
      g.setColor(grade);
      g.fill(new Rectangle2D.Double(-5, -5, w + 10, 110));
    }
  }
}
