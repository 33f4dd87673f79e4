package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The setting behind the subject: sky or back wall down to the horizon, ground or floor below
 * it, then the setting's own furniture ({@link IndoorDecor}, {@link OutdoorDecor}). Colours are
 * the setting's own, tinted toward the plan's palette, so a beach stays a beach in any palette.
 */
public final class Backdrop {
  private Backdrop() {}

  /** Everything a decor painter needs: the graphics in world units and the scene's facts. */
  record Ctx(Graphics2D g, SceneGraph scene, double width, double horizon, SplittableRandom random) {
    Color palette(int i) {
      List<Color> p = scene.palette();
      return p.get(Math.floorMod(i, p.size()));
    }

    Color tint(int rgb, int paletteIndex, double amount) {
      return Tones.mix(new Color(rgb), palette(paletteIndex), amount);
    }

    void rect(Color c, double x, double y, double w, double h) {
      g.setColor(c);
      g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    void vertical(Color top, Color bottom, double y0, double y1) {
      g.setPaint(new GradientPaint(0, (float) y0, top, 0, (float) y1, bottom));
      g.fill(new Rectangle2D.Double(-5, y0, width + 10, y1 - y0));
    }
  }

  public static void paint(Graphics2D g, SceneGraph scene, long seed) {
    Ctx ctx = new Ctx(g, scene, scene.stage().width(), scene.stage().horizon(),
        new SplittableRandom(seed));
    if (scene.setting().indoor()) {
      IndoorDecor.paint(ctx);
    } else {
      sky(ctx, 0, ctx.horizon());
      OutdoorDecor.paint(ctx);
    }
  }

  /** The table or counter indoors, in front of the people and under the subject. */
  public static void surface(Graphics2D g, SceneGraph scene) {
    if (scene.stage().surface() > 0) {
      IndoorDecor.table(new Ctx(g, scene, scene.stage().width(), scene.stage().horizon(),
          new SplittableRandom(0)));
    }
  }

  /** Sky by time of day, with the sun, or the moon and stars, placed by the light. */
  static void sky(Ctx ctx, double y0, double y1) {
    int[] sky = switch (ctx.scene().light()) {
      case "dawn" -> new int[] {0x8FA8D8, 0xF6C7A1, 0xFFD9A0};
      case "dusk" -> new int[] {0x4B3F72, 0xF08A5D, 0xFFB36B};
      case "night" -> new int[] {0x0E1630, 0x2B3A67, 0xE9E4C8};
      default -> new int[] {0x6FAEE3, 0xD3EAF6, 0xFFF4C9};
    };
    ctx.vertical(ctx.tint(sky[0], 0, 0.15), ctx.tint(sky[1], 1, 0.1), y0, y1);
    boolean night = ctx.scene().light().equals("night");
    if (night) {
      ctx.g().setColor(new Color(255, 255, 240, 170));
      for (int i = 0; i < 60; i++) {
        double r = 0.15 + ctx.random().nextDouble() * 0.25;
        ctx.g().fill(new Ellipse2D.Double(ctx.random().nextDouble() * ctx.width(),
            y0 + ctx.random().nextDouble() * (y1 - y0) * 0.8, r, r));
      }
    }
    boolean low = !ctx.scene().light().equals("day");
    double r = low ? 7 : 5;
    double x = ctx.width() * (0.2 + 0.6 * ctx.random().nextDouble());
    double y = low ? y1 - r * 0.8 : y0 + (y1 - y0) * 0.25;
    Color disc = new Color(sky[2]);
    for (int ring = 3; ring >= 1; ring--) {
      ctx.g().setColor(Tones.alpha(disc, 0.12));
      double rr = r * (1 + ring * 0.6);
      ctx.g().fill(new Ellipse2D.Double(x - rr, y - rr, 2 * rr, 2 * rr));
    }
    ctx.g().setColor(disc);
    ctx.g().fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
  }
}
