package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;

/** Ground and landmarks of outdoor settings, drawn in world units below and on the horizon. */
final class OutdoorDecor {
  private OutdoorDecor() {}

  static void paint(Backdrop.Ctx c) {
    double h = c.horizon();
    double w = c.width();
    switch (c.scene().setting()) {
      case STREET -> {
        buildings(c, 0x8C8F99, 0.25);
        c.rect(c.tint(0xB5B1AA, 2, 0.15), -5, h, w + 10, 100 - h);
        c.rect(c.tint(0x4A4D52, 0, 0.1), -5, h + (100 - h) * 0.45, w + 10, (100 - h) * 0.35);
        for (double x = 0; x < w; x += 14) {
          c.rect(new Color(0xF2F0EA), x, h + (100 - h) * 0.61, 6, 0.8);
        }
        for (double x = 10; x < w; x += 40) {
          c.rect(new Color(0x33363B), x, h - 30, 0.8, 30 + (100 - h) * 0.4);
          c.rect(new Color(0xFFE9A8), x - 1.5, h - 31, 3.8, 1.6);
        }
      }
      case MARKET -> {
        buildings(c, 0x5E4B56, 0.2);
        c.rect(c.tint(0x8E7B6B, 2, 0.15), -5, h, w + 10, 100 - h);
        for (double x = 4; x < w; x += 26) {
          Color awning = new Color(new int[] {0xC8302C, 0xE8A33D, 0x2F6DB5, 0x3E8E4F}[
              (int) (x / 26) % 4]);
          c.rect(Tones.shade(awning, 0.6), x, h - 14, 20, 14);
          for (int s = 0; s < 5; s++) {
            c.rect(s % 2 == 0 ? awning : new Color(0xF2F0EA), x + s * 4, h - 18, 4, 5);
          }
        }
        lanternString(c, h - 30);
      }
      case HARBOUR -> {
        water(c, h, 76);
        c.rect(c.tint(0x7A5A3A, 2, 0.1), -5, 76, w + 10, 24);
        c.g().setColor(new Color(0x5A4029));
        c.g().setStroke(new BasicStroke(0.3f));
        for (double y = 79; y < 100; y += 3.5) {
          c.g().draw(new java.awt.geom.Line2D.Double(-5, y, w + 5, y));
        }
        for (double x = 12; x < w; x += 45) {
          ItemPainter.flat(c.g(), 0x26F5, x, h + 6, 9, c.tint(0xE8E4DA, 0, 0.2));
        }
      }
      case BEACH -> {
        water(c, h, 68);
        c.rect(c.tint(0xE9D3A1, 1, 0.15), -5, 68, w + 10, 32);
        for (double x = 8; x < w; x += 55) {
          ItemPainter.flat(c.g(), 0x1F334, x, 72, 26, c.tint(0x3E7D4A, 2, 0.15));
        }
      }
      case SEA -> water(c, h, 100);
      case FOREST -> {
        c.rect(c.tint(0x3F5E3A, 2, 0.15), -5, h, w + 10, 100 - h);
        trees(c, 0x1F332, h + 2, 24, 0x2E4A34, 9);
        path(c, 0x8A6E4E);
        trees(c, 0x1F333, h + 12, 32, 0x24402B, 18);
      }
      case PARK -> {
        c.rect(c.tint(0x6FA55A, 2, 0.15), -5, h, w + 10, 100 - h);
        trees(c, 0x1F333, h + 3, 22, 0x3D7A44, 22);
        path(c, 0xCDBB94);
      }
      case VINEYARD -> {
        hills(c, 0x7F9E5B);
        for (double y = h + 4; y < 100; y += 6) {
          c.g().setColor(c.tint(0x4E6B35, 2, 0.1));
          for (double x = 0; x < w; x += 3.2) {
            c.g().fill(new Ellipse2D.Double(x, y + Math.sin(x * 0.2) * 0.6, 2.4, 1.8));
          }
        }
      }
      case MOUNTAIN -> {
        for (int i = 0; i < 5; i++) {
          double x = w * (i / 4.0) - 10;
          double peak = h - 22 - 10 * ((i * 37) % 3);
          Path2D m = new Path2D.Double();
          m.moveTo(x - 30, h + 1);
          m.lineTo(x, peak);
          m.lineTo(x + 30, h + 1);
          c.g().setColor(c.tint(0x6C7A89, 0, 0.15));
          c.g().fill(m);
          Path2D snow = new Path2D.Double();
          snow.moveTo(x - 7, peak + 7);
          snow.lineTo(x, peak);
          snow.lineTo(x + 7, peak + 7);
          c.g().setColor(new Color(0xF4F6F8));
          c.g().fill(snow);
        }
        c.rect(c.tint(0x7D8C5A, 2, 0.15), -5, h, w + 10, 100 - h);
      }
      case DESERT -> {
        c.rect(c.tint(0xD9A066, 0, 0.2), -5, h, w + 10, 100 - h);
        dunes(c, 0xC98A52);
        for (double x = 20; x < w; x += 70) {
          ItemPainter.flat(c.g(), 0x1F335, x, h + 10, 14, c.tint(0x5E7D3A, 2, 0.1));
        }
      }
      case SPACE -> {
        c.vertical(new Color(0x05060F), new Color(0x1B1E3C), 0, h);
        c.g().setColor(new Color(255, 255, 255, 200));
        for (int i = 0; i < 90; i++) {
          double r = 0.15 + c.random().nextDouble() * 0.3;
          c.g().fill(new Ellipse2D.Double(c.random().nextDouble() * w,
              c.random().nextDouble() * h, r, r));
        }
        c.g().setColor(c.tint(0xC1663B, 0, 0.2));
        c.g().fill(new Ellipse2D.Double(w * 0.7, h * 0.1, 18, 18));
        c.rect(c.tint(0xA4553A, 1, 0.15), -5, h, w + 10, 100 - h);
        dunes(c, 0x8E4530);
      }
      default -> {
        c.vertical(c.tint(0x9CC9EE, 0, 0.1), c.tint(0xE8F3FA, 1, 0.1), h, 100);
        clouds(c, h);
      }
    }
    if (c.scene().setting() != dev.reelmesh.orchestrator.provider.image.animatic.scene
        .SettingKind.SKY) {
      clouds(c, h * 0.6);
    }
  }

  private static void water(Backdrop.Ctx c, double top, double bottom) {
    c.vertical(c.tint(0x2E6E9E, 0, 0.15), c.tint(0x1B4569, 1, 0.1), top, bottom);
    c.g().setColor(new Color(255, 255, 255, 90));
    c.g().setStroke(new BasicStroke(0.35f));
    for (double y = top + 2; y < bottom; y += 3 + (y - top) * 0.15) {
      for (double x = (y * 7) % 11; x < c.width(); x += 9 + (y - top) * 0.4) {
        c.g().draw(new QuadCurve2D.Double(x, y, x + 2, y - 0.8, x + 4, y));
      }
    }
  }

  private static void buildings(Backdrop.Ctx c, int rgb, double tint) {
    double h = c.horizon();
    for (double x = -4; x < c.width(); ) {
      double bw = 10 + c.random().nextDouble() * 12;
      double bh = 18 + c.random().nextDouble() * 26;
      Color wall = Tones.shade(c.tint(rgb, (int) x, tint), 0.8 + c.random().nextDouble() * 0.3);
      c.rect(wall, x, h - bh, bw, bh);
      Color lit = c.scene().light().equals("night") ? new Color(0xFFD98A) : Tones.shade(wall, 1.3);
      for (double wy = h - bh + 3; wy < h - 4; wy += 5) {
        for (double wx = x + 2; wx < x + bw - 3; wx += 4) {
          c.rect(lit, wx, wy, 2, 2.6);
        }
      }
      x += bw + 1;
    }
  }

  private static void trees(Backdrop.Ctx c, int glyph, double base, double size, int rgb,
      double step) {
    for (double x = c.random().nextDouble() * step; x < c.width(); x += step
        + c.random().nextDouble() * step * 0.6) {
      ItemPainter.flat(c.g(), glyph, x, base, size * (0.8 + c.random().nextDouble() * 0.4),
          c.tint(rgb, 2, 0.12));
    }
  }

  private static void path(Backdrop.Ctx c, int rgb) {
    Path2D p = new Path2D.Double();
    double mid = c.width() / 2;
    p.moveTo(mid - 3, c.horizon());
    p.lineTo(mid + 3, c.horizon());
    p.lineTo(mid + 40, 100);
    p.lineTo(mid - 40, 100);
    p.closePath();
    c.g().setColor(c.tint(rgb, 1, 0.1));
    c.g().fill(p);
  }

  private static void hills(Backdrop.Ctx c, int rgb) {
    c.rect(c.tint(rgb, 2, 0.15), -5, c.horizon(), c.width() + 10, 100 - c.horizon());
    c.g().setColor(Tones.shade(c.tint(rgb, 2, 0.15), 0.85));
    for (double x = -20; x < c.width(); x += 50) {
      c.g().fill(new Ellipse2D.Double(x, c.horizon() - 8, 70, 20));
    }
  }

  private static void dunes(Backdrop.Ctx c, int rgb) {
    c.g().setColor(c.tint(rgb, 1, 0.15));
    for (double x = -20; x < c.width(); x += 45) {
      c.g().fill(new Ellipse2D.Double(x, c.horizon() + 4 + (x % 3), 60, 14));
    }
  }

  private static void clouds(Backdrop.Ctx c, double below) {
    Color cloud = c.scene().light().equals("night") ? new Color(90, 100, 130, 120)
        : new Color(255, 255, 255, 170);
    c.g().setColor(cloud);
    for (int i = 0; i < 5; i++) {
      double x = c.random().nextDouble() * c.width();
      double y = 6 + c.random().nextDouble() * Math.max(4, below - 14);
      for (int k = 0; k < 3; k++) {
        c.g().fill(new Ellipse2D.Double(x + k * 3.5, y - (k == 1 ? 2 : 0), 7, 4.5));
      }
    }
  }

  static void lanternString(Backdrop.Ctx c, double y) {
    c.g().setColor(new Color(0x3A3030));
    c.g().setStroke(new BasicStroke(0.25f));
    for (double x = 0; x < c.width(); x += 30) {
      c.g().draw(new QuadCurve2D.Double(x, y, x + 15, y + 6, x + 30, y));
      for (int k = 1; k < 5; k++) {
        double t = k / 5.0;
        double ly = y + 12 * t * (1 - t) * 2;
        ItemPainter.flat(c.g(), 0x1F3EE, x + 30 * t, ly + 4, 4, new Color(0xD8432F));
      }
    }
  }
}
