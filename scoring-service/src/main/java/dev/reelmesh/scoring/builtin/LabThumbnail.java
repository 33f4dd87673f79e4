package dev.reelmesh.scoring.builtin;

import dev.reelmesh.scoring.image.RgbImage;

/**
 * An image shrunk by box averaging to at most {@link #LONG_SIDE} pixels on its long side, in
 * CIE L*a*b* (D65), so colour distances are perceptual (ΔE) and the composition measures cost
 * the same for a 320 px and a 1080 px frame.
 */
record LabThumbnail(int width, int height, double[] l, double[] a, double[] b) {
  static final int LONG_SIDE = 72;

  static LabThumbnail of(RgbImage image) {
    double step = Math.max(1, (double) Math.max(image.width(), image.height()) / LONG_SIDE);
    int w = Math.max(1, (int) Math.round(image.width() / step));
    int h = Math.max(1, (int) Math.round(image.height() / step));
    double[] l = new double[w * h], a = new double[w * h], b = new double[w * h];
    for (int ty = 0; ty < h; ty++) {
      int y0 = ty * image.height() / h, y1 = Math.max(y0 + 1, (ty + 1) * image.height() / h);
      for (int tx = 0; tx < w; tx++) {
        int x0 = tx * image.width() / w, x1 = Math.max(x0 + 1, (tx + 1) * image.width() / w);
        double r = 0, g = 0, bl = 0;
        for (int y = y0; y < y1; y++) {
          for (int x = x0; x < x1; x++) {
            r += image.red(x, y);
            g += image.green(x, y);
            bl += image.blue(x, y);
          }
        }
        double n = (double) (x1 - x0) * (y1 - y0);
        double[] lab = lab(r / n, g / n, bl / n);
        int i = ty * w + tx;
        l[i] = lab[0];
        a[i] = lab[1];
        b[i] = lab[2];
      }
    }
    return new LabThumbnail(w, h, l, a, b);
  }

  double distance(int i, double ol, double oa, double ob) {
    double dl = l[i] - ol, da = a[i] - oa, db = b[i] - ob;
    return Math.sqrt(dl * dl + da * da + db * db);
  }

  /** sRGB (0–255) to L*a*b*, D65 white. */
  static double[] lab(double r, double g, double b) {
    double rl = linear(r / 255), gl = linear(g / 255), bl = linear(b / 255);
    double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
    double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
    double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
    double fx = f(x), fy = f(y), fz = f(z);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double linear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }
}
