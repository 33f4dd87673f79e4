package dev.reelmesh.scoring.builtin;

import dev.reelmesh.scoring.image.RgbImage;

/**
 * How a frame is composed, from its {@link SubjectMask}: the subject's share of the frame (its
 * bounding box), how near its centroid is to a thirds power point or the centre, whether the
 * frame's edge cuts it, its ΔE against its surround, and the clutter (share of edge pixels)
 * outside it. Each maps to 0–100.
 *
 * @param share subject bounding box area / frame area; 0 when no subject stands out
 * @param centreX centroid across the frame, 0–1
 * @param centreY centroid down the frame, 0–1
 * @param edgesCut how many frame edges the subject touches (0–4)
 * @param contrast mean ΔE between the subject and a ring around its box
 * @param clutter share of strong-edge pixels outside the subject's box
 */
public record CompositionMetrics(double share, double centreX, double centreY, int edgesCut,
    double contrast, double clutter) {
  /** Subjects between 6 % and 40 % of the frame read well; smaller get lost, larger crowd. */
  static final double SMALLEST = 0.06;
  static final double LARGEST = 0.40;
  /** ΔE gradient (per thumbnail pixel) above which a pixel counts as an edge. */
  static final double EDGE = 9;
  private static final double[][] POWER_POINTS = {{1 / 3.0, 1 / 3.0, 1}, {2 / 3.0, 1 / 3.0, 1},
      {1 / 3.0, 2 / 3.0, 1}, {2 / 3.0, 2 / 3.0, 1}, {0.5, 0.5, 0.85}, {1 / 3.0, 0.5, 0.95},
      {2 / 3.0, 0.5, 0.95}};

  public boolean hasSubject() {
    return share > 0;
  }

  public double sizeScore() {
    if (!hasSubject()) {
      return 0;
    }
    if (share < SMALLEST) {
      return 100 * share / SMALLEST;
    }
    return share <= LARGEST ? 100 : 100 * Math.max(0, 1 - (share - LARGEST) / 0.45);
  }

  /** 100 on a power point (85 at the centre), falling to 0 at 0.25 of the frame away. */
  public double placementScore() {
    if (!hasSubject()) {
      return 0;
    }
    double best = 0;
    for (double[] p : POWER_POINTS) {
      double d = Math.hypot(centreX - p[0], centreY - p[1]);
      best = Math.max(best, p[2] * Math.max(0, 1 - d / 0.25));
    }
    return 100 * best;
  }

  public double contrastScore() {
    return Math.min(100, 2 * contrast);
  }

  public double clutterScore() {
    return 100 * (1 - Math.min(1, clutter / 0.3));
  }

  /** Weighted mean of the four, less 20 for each frame edge that cuts the subject. */
  public double score() {
    double s = 0.3 * sizeScore() + 0.25 * placementScore() + 0.25 * contrastScore()
        + 0.2 * clutterScore() - 20 * edgesCut;
    return Math.max(0, Math.min(100, s));
  }

  public static CompositionMetrics measure(RgbImage image) {
    LabThumbnail t = LabThumbnail.of(image);
    SubjectMask m = SubjectMask.of(t);
    int w = t.width(), h = t.height();
    boolean[] edge = edges(t);
    if (!m.found()) {
      return new CompositionMetrics(0, 0.5, 0.5, 0, 0, share(edge, w, h, -1, -1, -1, -1));
    }
    double sx = 0, sy = 0;
    for (int i = 0; i < m.subject().length; i++) {
      if (m.subject()[i]) {
        sx += i % w + 0.5;
        sy += i / w + 0.5;
      }
    }
    double box = (double) (m.maxX() - m.minX() + 1) * (m.maxY() - m.minY() + 1);
    int cut = (m.minX() == 0 ? 1 : 0) + (m.minY() == 0 ? 1 : 0) + (m.maxX() == w - 1 ? 1 : 0)
        + (m.maxY() == h - 1 ? 1 : 0);
    return new CompositionMetrics(box / (w * h), sx / m.pixels() / w, sy / m.pixels() / h, cut,
        contrast(t, m), share(edge, w, h, m.minX(), m.minY(), m.maxX(), m.maxY()));
  }

  /** Mean ΔE from the subject's mean colour to the pixels of a ring 2 px around its box. */
  private static double contrast(LabThumbnail t, SubjectMask m) {
    double l = 0, a = 0, b = 0;
    for (int i = 0; i < m.subject().length; i++) {
      if (m.subject()[i]) {
        l += t.l()[i];
        a += t.a()[i];
        b += t.b()[i];
      }
    }
    l /= m.pixels();
    a /= m.pixels();
    b /= m.pixels();
    double sum = 0;
    int n = 0;
    for (int y = Math.max(0, m.minY() - 2); y <= Math.min(t.height() - 1, m.maxY() + 2); y++) {
      for (int x = Math.max(0, m.minX() - 2); x <= Math.min(t.width() - 1, m.maxX() + 2); x++) {
        boolean inBox = x >= m.minX() && x <= m.maxX() && y >= m.minY() && y <= m.maxY();
        if (!inBox) {
          sum += t.distance(y * t.width() + x, l, a, b);
          n++;
        }
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  private static boolean[] edges(LabThumbnail t) {
    int w = t.width(), h = t.height();
    boolean[] out = new boolean[w * h];
    for (int y = 0; y < h - 1; y++) {
      for (int x = 0; x < w - 1; x++) {
        int i = y * w + x;
        double dx = t.distance(i + 1, t.l()[i], t.a()[i], t.b()[i]);
        double dy = t.distance(i + w, t.l()[i], t.a()[i], t.b()[i]);
        out[i] = Math.max(dx, dy) > EDGE;
      }
    }
    return out;
  }

  private static double share(boolean[] edge, int w, int h, int x0, int y0, int x1, int y1) {
    int count = 0, n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
          continue;
        }
        n++;
        count += edge[y * w + x] ? 1 : 0;
      }
    }
    return n == 0 ? 0 : (double) count / n;
  }
}
