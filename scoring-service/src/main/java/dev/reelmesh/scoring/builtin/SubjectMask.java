package dev.reelmesh.scoring.builtin;

import java.util.ArrayDeque;

/**
 * Where the subject is, found without a model: the frame's border colours stand for the
 * background (k-means over the outer ring), each pixel's saliency is its ΔE to the nearest
 * background colour, Otsu's threshold splits salient from not, and the largest 4-connected
 * salient region is the subject. A frame where nothing stands out (no pixel 12 ΔE from every
 * border colour) has no subject.
 */
record SubjectMask(boolean[] subject, double[] saliency, int minX, int minY, int maxX,
    int maxY, int pixels) {
  static final double MIN_SALIENCY = 12;
  private static final int CLUSTERS = 4;
  static final double MIN_BACKGROUND_SHARE = 0.12;

  boolean found() {
    return pixels > 0;
  }

  static SubjectMask of(LabThumbnail t) {
    double[][] centres = borderColours(t);
    double[] sal = new double[t.width() * t.height()];
    double max = 0;
    for (int i = 0; i < sal.length; i++) {
      double best = Double.MAX_VALUE;
      for (double[] c : centres) {
        best = Math.min(best, t.distance(i, c[0], c[1], c[2]));
      }
      sal[i] = best;
      max = Math.max(max, best);
    }
    boolean[] none = new boolean[sal.length];
    if (max < MIN_SALIENCY) {
      return new SubjectMask(none, sal, 0, 0, 0, 0, 0);
    }
    double threshold = Math.max(MIN_SALIENCY, otsu(sal, max));
    return largestRegion(t.width(), t.height(), sal, threshold);
  }

  private static double[][] borderColours(LabThumbnail t) {
    int w = t.width(), h = t.height();
    java.util.List<Integer> ring = new java.util.ArrayList<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x < 2 || y < 2 || x >= w - 2 || y >= h - 2) {
          ring.add(y * w + x);
        }
      }
    }
    double[][] c = new double[CLUSTERS][];
    for (int k = 0; k < CLUSTERS; k++) {
      int i = ring.get(k * ring.size() / CLUSTERS);
      c[k] = new double[] {t.l()[i], t.a()[i], t.b()[i]};
    }
    for (int iter = 0; iter < 6; iter++) {
      double[][] sum = new double[CLUSTERS][4];
      for (int i : ring) {
        int best = 0;
        for (int k = 1; k < CLUSTERS; k++) {
          if (t.distance(i, c[k][0], c[k][1], c[k][2]) < t.distance(i, c[best][0], c[best][1],
              c[best][2])) {
            best = k;
          }
        }
        sum[best][0] += t.l()[i];
        sum[best][1] += t.a()[i];
        sum[best][2] += t.b()[i];
        sum[best][3]++;
      }
      for (int k = 0; k < CLUSTERS; k++) {
        if (sum[k][3] > 0) {
          c[k] = new double[] {sum[k][0] / sum[k][3], sum[k][1] / sum[k][3],
              sum[k][2] / sum[k][3]};
        }
      }
      if (iter == 5) {
        // A colour on little of the border is a thing the frame's edge cuts, not background.
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        int largest = 0;
        for (int k = 0; k < CLUSTERS; k++) {
          largest = sum[k][3] > sum[largest][3] ? k : largest;
          if (sum[k][3] >= MIN_BACKGROUND_SHARE * ring.size()) {
            kept.add(c[k]);
          }
        }
        return kept.isEmpty() ? new double[][] {c[largest]} : kept.toArray(new double[0][]);
      }
    }
    return c;
  }

  /** Otsu's threshold over a 64-bin histogram of {@code values} in [0, max]. */
  static double otsu(double[] values, double max) {
    int bins = 64;
    double[] hist = new double[bins];
    for (double v : values) {
      hist[Math.min(bins - 1, (int) (v / max * bins))]++;
    }
    double total = values.length, sumAll = 0;
    for (int i = 0; i < bins; i++) {
      sumAll += i * hist[i];
    }
    double wB = 0, sumB = 0, best = -1;
    int split = 0;
    for (int i = 0; i < bins; i++) {
      wB += hist[i];
      if (wB == 0 || wB == total) {
        continue;
      }
      sumB += i * hist[i];
      double mB = sumB / wB, mF = (sumAll - sumB) / (total - wB);
      double between = wB * (total - wB) * (mB - mF) * (mB - mF);
      if (between > best) {
        best = between;
        split = i;
      }
    }
    return (split + 1) * max / bins;
  }

  private static SubjectMask largestRegion(int w, int h, double[] sal, double threshold) {
    int[] label = new int[sal.length];
    int bestLabel = 0, bestSize = 0, next = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < sal.length; start++) {
      if (label[start] != 0 || sal[start] < threshold) {
        continue;
      }
      next++;
      int size = 0;
      label[start] = next;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        size++;
        int x = i % w, y = i / w;
        int[] around = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1,
            y < h - 1 ? i + w : -1};
        for (int j : around) {
          if (j >= 0 && label[j] == 0 && sal[j] >= threshold) {
            label[j] = next;
            queue.add(j);
          }
        }
      }
      if (size > bestSize) {
        bestSize = size;
        bestLabel = next;
      }
    }
    boolean[] mask = new boolean[sal.length];
    int minX = w, minY = h, maxX = -1, maxY = -1;
    for (int i = 0; i < sal.length; i++) {
      if (label[i] == bestLabel && bestLabel != 0) {
        mask[i] = true;
        minX = Math.min(minX, i % w);
        maxX = Math.max(maxX, i % w);
        minY = Math.min(minY, i / w);
        maxY = Math.max(maxY, i / w);
      }
    }
    return new SubjectMask(mask, sal, minX, minY, maxX, maxY, bestSize);
  }
}
