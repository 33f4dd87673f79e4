package dev.reelmesh.scoring.clip;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.Preprocess;

/**
 * CLIP's image transform: bicubic resize of the short side to {@code size} (the long side to
 * {@code floor(size × long / short)}), centre crop {@code size × size} (offsets rounded half to
 * even, as Python's round), RGB to 0–1, then (x − mean) / std. Output is CHW float32. With crop
 * "none" (SigLIP) the whole image is resized to {@code size × size} instead; the filter is the
 * manifest's (bicubic or bilinear, both Pillow-exact).
 */
public final class ClipPreprocessor {
  private ClipPreprocessor() {}

  public static float[] preprocess(RgbImage image, Preprocess p) {
    int size = p.size();
    int w = image.width();
    int h = image.height();
    int newW;
    int newH;
    if (p.squashes()) {
      newW = size;
      newH = size;
    } else if (w <= h) {
      newW = size;
      newH = (int) ((long) size * h / w);
    } else {
      newH = size;
      newW = (int) ((long) size * w / h);
    }
    PillowResampler.Filter filter = PillowResampler.Filter.named(p.resize());
    int[][] planes = new int[3][];
    for (int c = 0; c < 3; c++) {
      planes[c] = PillowResampler.resize(channel(image, c), w, h, newW, newH, filter);
    }
    int top = (int) Math.rint((newH - size) / 2.0);
    int left = (int) Math.rint((newW - size) / 2.0);
    float[] out = new float[3 * size * size];
    for (int c = 0; c < 3; c++) {
      float mean = (float) p.mean()[c];
      float std = (float) p.std()[c];
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          float v = planes[c][(y + top) * newW + (x + left)] / 255f;
          out[c * size * size + y * size + x] = (v - mean) / std;
        }
      }
    }
    return out;
  }

  private static int[] channel(RgbImage image, int c) {
    int[] rgb = image.rgb();
    int shift = 16 - 8 * c;
    int[] out = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = (rgb[i] >> shift) & 0xff;
    }
    return out;
  }
}
