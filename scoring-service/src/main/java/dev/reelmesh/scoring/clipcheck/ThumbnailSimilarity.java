package dev.reelmesh.scoring.clipcheck;

import dev.reelmesh.scoring.image.RgbImage;

/**
 * The built-in stand-in for image similarity when no image model serves: both images averaged
 * down to 16 × 16 colour thumbnails, 100 × (1 − mean absolute channel difference / 255). It sees
 * layout and colour, not content: a clip that drifted to another scene in the same palette passes.
 */
public final class ThumbnailSimilarity {
  public static final String NAME = "builtin-thumbnail";
  static final int SIDE = 16;

  private ThumbnailSimilarity() {}

  public static double similarity(RgbImage a, RgbImage b) {
    double[] ta = thumbnail(a);
    double[] tb = thumbnail(b);
    double diff = 0;
    for (int i = 0; i < ta.length; i++) {
      diff += Math.abs(ta[i] - tb[i]);
    }
    return 100 * (1 - diff / ta.length / 255);
  }

  /** Area average of each of the SIDE × SIDE cells, per channel. */
  static double[] thumbnail(RgbImage image) {
    double[] sum = new double[SIDE * SIDE * 3];
    int[] count = new int[SIDE * SIDE];
    int w = image.width();
    int h = image.height();
    for (int y = 0; y < h; y++) {
      int cy = (int) ((long) y * SIDE / h);
      for (int x = 0; x < w; x++) {
        int cell = cy * SIDE + (int) ((long) x * SIDE / w);
        int p = image.rgb()[y * w + x];
        sum[cell * 3] += p >> 16 & 0xff;
        sum[cell * 3 + 1] += p >> 8 & 0xff;
        sum[cell * 3 + 2] += p & 0xff;
        count[cell]++;
      }
    }
    double[] out = new double[sum.length];
    for (int cell = 0; cell < count.length; cell++) {
      // Images smaller than 16 px on a side leave cells empty: they repeat their neighbour.
      int source = count[cell] > 0 ? cell : nearestFilled(count, cell);
      for (int c = 0; c < 3; c++) {
        out[cell * 3 + c] = sum[source * 3 + c] / Math.max(1, count[source]);
      }
    }
    return out;
  }

  private static int nearestFilled(int[] count, int cell) {
    for (int d = 1; d < count.length; d++) {
      if (cell - d >= 0 && count[cell - d] > 0) {
        return cell - d;
      }
    }
    return cell;
  }
}
