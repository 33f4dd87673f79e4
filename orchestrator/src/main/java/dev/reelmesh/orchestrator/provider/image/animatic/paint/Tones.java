package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import java.awt.Color;

/** Colour arithmetic for painting: mixes, shades, alpha. */
final class Tones {
  private Tones() {}

  static Color mix(Color a, Color b, double t) {
    return new Color(ch(a.getRed(), b.getRed(), t), ch(a.getGreen(), b.getGreen(), t),
        ch(a.getBlue(), b.getBlue(), t));
  }

  static Color shade(Color c, double factor) {
    return factor >= 1 ? mix(c, Color.WHITE, factor - 1) : mix(Color.BLACK, c, factor);
  }

  static Color alpha(Color c, double a) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * a));
  }

  static double luma(Color c) {
    return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
  }

  private static int ch(int a, int b, double t) {
    return (int) Math.round(Math.max(0, Math.min(255, a + (b - a) * t)));
  }
}
