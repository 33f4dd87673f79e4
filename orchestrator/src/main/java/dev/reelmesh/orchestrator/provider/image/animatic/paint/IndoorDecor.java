package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Rooms: a back wall down to the horizon, a floor below, a window onto the sky, and the room's
 * furniture: cabinets and tiles in a kitchen, shelves in a shop, pendant lamps in a café,
 * benches in a lab, windows and poles in a train.
 */
final class IndoorDecor {
  private IndoorDecor() {}

  static void paint(Backdrop.Ctx c) {
    double h = c.horizon();
    double w = c.width();
    int[] tones = switch (c.scene().setting()) {
      case KITCHEN -> new int[] {0xEDE3D1, 0xB9A58A};
      case CAFE -> new int[] {0xB98B62, 0x6B4A33};
      case SHOP -> new int[] {0xE4E1DA, 0x9C968C};
      case OFFICE -> new int[] {0xDCE3E8, 0x8E9AA6};
      case LAB -> new int[] {0xEEF2F4, 0xC9CED2};
      case TRAIN -> new int[] {0xB9C4C0, 0x5D6466};
      default -> new int[] {0xE8DCCB, 0xA47B55};
    };
    Color wall = c.tint(tones[0], 0, 0.22);
    c.vertical(Tones.shade(wall, 0.9), wall, 0, h);
    c.vertical(c.tint(tones[1], 1, 0.15), Tones.shade(c.tint(tones[1], 1, 0.15), 0.8), h, 100);
    c.rect(Tones.shade(wall, 0.7), -5, h - 0.8, w + 10, 1.6);
    switch (c.scene().setting()) {
      case KITCHEN -> {
        window(c, w * 0.62, h * 0.18, 22, h * 0.45);
        for (double x = 2; x < w; x += 24) {
          if (Math.abs(x + 10 - w * 0.62 - 11) > 22) {
            cabinet(c, x, h * 0.08, 20, h * 0.3, wall);
          }
        }
        c.g().setColor(Tones.shade(wall, 0.85));
        c.g().setStroke(new BasicStroke(0.2f));
        for (double y = h * 0.7; y < h; y += 3) {
          c.g().draw(new Line2D.Double(-5, y, w + 5, y));
        }
        ItemPainter.flat(c.g(), 0x1F373, w * 0.3, h * 0.62, 8, new Color(0x3A3D42));
      }
      case CAFE -> {
        c.rect(new Color(0x2E3A33), w * 0.12, h * 0.2, 26, h * 0.42);
        window(c, w * 0.6, h * 0.2, 26, h * 0.55);
        for (double x = 8; x < w; x += 22) {
          c.g().setColor(new Color(0x2B2320));
          c.g().setStroke(new BasicStroke(0.25f));
          c.g().draw(new Line2D.Double(x, 0, x, h * 0.18));
          c.g().setColor(c.palette(1));
          c.g().fill(new java.awt.geom.Arc2D.Double(x - 3, h * 0.15, 6, 6, 0, 180,
              java.awt.geom.Arc2D.CHORD));
          c.g().setColor(new Color(255, 230, 160, 120));
          c.g().fill(new Ellipse2D.Double(x - 1.2, h * 0.17, 2.4, 2.4));
        }
        shelf(c, h * 0.78, 0x2615, 5, 0xF2F0EA);
      }
      case SHOP -> {
        window(c, w * 0.05, h * 0.15, 24, h * 0.75);
        int goods = c.scene().subject() != null && !c.scene().subject().pictogram()
            .isPlaceholder() ? c.scene().subject().pictogram().codePoint() : 0x1F6CD;
        shelf(c, h * 0.3, goods, 7, 0x8A8D91);
        shelf(c, h * 0.58, 0x1F527, 4, 0x6C7A89);
        shelf(c, h * 0.86, 0x1F6CD, 5, 0xB8336A);
      }
      case OFFICE -> {
        window(c, w * 0.2, h * 0.12, w * 0.6, h * 0.6);
        for (double x = w * 0.21; x < w * 0.78; x += 9) {
          double top = h * 0.5 - (x * 13 % 11);
          c.rect(c.tint(0x8C9AAE, 0, 0.1), x, top, 7, h * 0.72 - top);
        }
        ItemPainter.flat(c.g(), 0x1F33F, w * 0.88, h - 1, 12, new Color(0x3E8E4F));
      }
      case LAB -> {
        window(c, w * 0.7, h * 0.15, 20, h * 0.45);
        shelf(c, h * 0.45, 0x1F52C, 4, 0x4A4E69);
        shelf(c, h * 0.75, 0x2699, 5, 0x6C7A89);
      }
      case TRAIN -> {
        for (double x = 4; x < w; x += 26) {
          window(c, x, h * 0.15, 20, h * 0.5);
          c.rect(new Color(0xA9B0B4), x + 23, 0, 0.9, 100);
        }
        c.rect(new Color(0x8E9599), -5, h * 0.08, w + 10, 0.8);
      }
      default -> {
        window(c, w * 0.55, h * 0.15, 24, h * 0.6);
        c.rect(new Color(0x6B4A33), w * 0.2, h * 0.25, 14, 10);
        c.rect(c.tint(0xD8C7A4, 2, 0.3), w * 0.2 + 1, h * 0.25 + 1, 12, 8);
        c.rect(c.tint(0x7A5A7A, 2, 0.3), w * 0.12, h - 14, 30, 12);
      }
    }
  }

  private static void window(Backdrop.Ctx c, double x, double y, double ww, double wh) {
    java.awt.Shape clip = c.g().getClip();
    c.g().clip(new java.awt.geom.Rectangle2D.Double(x, y, ww, wh));
    Backdrop.sky(c, y, y + wh);
    c.g().setClip(clip);
    c.g().setColor(new Color(0xF4F1EA));
    c.g().setStroke(new BasicStroke(0.9f));
    c.g().draw(new java.awt.geom.Rectangle2D.Double(x, y, ww, wh));
    c.g().draw(new Line2D.Double(x + ww / 2, y, x + ww / 2, y + wh));
    c.g().draw(new Line2D.Double(x, y + wh / 2, x + ww, y + wh / 2));
  }

  private static void cabinet(Backdrop.Ctx c, double x, double y, double ww, double wh,
      Color wall) {
    Color door = Tones.shade(c.palette(2), 0.95);
    c.g().setColor(door);
    c.g().fill(new RoundRectangle2D.Double(x, y, ww, wh, 1, 1));
    c.g().setColor(Tones.shade(door, 0.7));
    c.g().setStroke(new BasicStroke(0.3f));
    c.g().draw(new Line2D.Double(x + ww / 2, y, x + ww / 2, y + wh));
    c.rect(Tones.shade(wall, 0.5), x + ww / 2 - 2, y + wh * 0.8, 1.2, 0.5);
  }

  private static void shelf(Backdrop.Ctx c, double y, int glyph, int count, int rgb) {
    c.rect(new Color(0x7A5A3A), -5, y, c.width() + 10, 1.2);
    double step = c.width() / (count + 1);
    for (int i = 1; i <= count; i++) {
      ItemPainter.flat(c.g(), glyph, step * i + (i % 2) * 2, y, 6 + (i % 3),
          Tones.mix(new Color(rgb), c.palette(i), 0.3));
    }
  }

  /** The table or counter the subject stands on; drawn after the people, who stand behind it. */
  static void table(Backdrop.Ctx c) {
    double top = c.scene().stage().surface();
    double x = c.scene().subject() != null ? c.scene().subject().x() : c.width() / 2;
    Color wood = c.tint(0x9C6B43, 2, 0.15);
    c.rect(Tones.shade(wood, 0.75), x - 42, top + 2.5, 84, 100 - top);
    c.rect(wood, x - 45, top, 90, 3);
    c.rect(Tones.shade(wood, 1.2), x - 45, top, 90, 0.6);
  }
}
