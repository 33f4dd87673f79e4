package dev.reelmesh.scoring.testing;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.Preprocess;
import java.util.function.DoubleUnaryOperator;

/** Reference math the tests compare the service with, in plain double precision. */
public final class Reference {
  private Reference() {}

  public static double cosine(double[] a, double[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  /** CHW, (p/255 − mean)/std: CLIP's normalisation of an image already at the model's size. */
  public static float[] clipPixels(RgbImage image) {
    int n = image.width() * image.height();
    float[] out = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < image.height(); y++) {
        for (int x = 0; x < image.width(); x++) {
          int p = c == 0 ? image.red(x, y) : c == 1 ? image.green(x, y) : image.blue(x, y);
          out[c * n + y * image.width() + x] =
              (float) ((p / 255.0 - Preprocess.CLIP_MEAN[c]) / Preprocess.CLIP_STD[c]);
        }
      }
    }
    return out;
  }

  /**
   * Each row resampled to {@code outW} as Pillow's antialiased resize defines it (the kernel
   * widened by the scale when shrinking), rounded to 8 bits.
   */
  public static double[][] resizeRows(double[][] rows, int outW, DoubleUnaryOperator kernel) {
    int inW = rows[0].length;
    if (inW == outW) {
      return rows;
    }
    double scale = (double) inW / outW;
    double fs = Math.max(1, scale);
    double[][] out = new double[rows.length][outW];
    for (int r = 0; r < rows.length; r++) {
      for (int x = 0; x < outW; x++) {
        double center = (x + 0.5) * scale;
        double sum = 0, total = 0;
        for (int i = 0; i < inW; i++) {
          double k = kernel.applyAsDouble((i + 0.5 - center) / fs);
          sum += k * rows[r][i];
          total += k;
        }
        out[r][x] = Math.max(0, Math.min(255, Math.round(sum / total)));
      }
    }
    return out;
  }

  public static double[][] transpose(double[][] m) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }
}
