package dev.reelmesh.scoring.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.Preprocess;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.Reference;
import org.junit.jupiter.api.Test;

/**
 * CLIP preprocessing against values computed here: plain normalisation, the centre-crop offsets
 * (Python rounds half to even), and a direct double-precision version of Pillow's antialiased
 * bicubic resize (rounded to 8 bits after each pass).
 */
class ClipPreprocessorTest {
  static final Preprocess P8 = new Preprocess(8, "bicubic", "center", Preprocess.CLIP_MEAN, Preprocess.CLIP_STD);

  @Test
  void anImageOfTheTargetSizeIsOnlyNormalised() {
    RgbImage image = Images.detailed(8, 8, 3);
    float[] out = ClipPreprocessor.preprocess(image, P8);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          assertThat(out[c * 64 + y * 8 + x]).isCloseTo(
              normalised(channel(image, c, x, y), c), within(1e-6f));
        }
      }
    }
  }

  @Test
  void centreCropRoundsHalfToEvenLikePython() {
    // Width 8+w: no resize (the short side is already 8); crop left = round(w/2), half to even.
    int[][] cases = {{12, 2}, {11, 2}, {13, 2}, {15, 4}};
    for (int[] c : cases) {
      int w = c[0];
      int[] px = new int[w * 8];
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < w; x++) {
          px[y * w + x] = (x * 20) << 16;
        }
      }
      float[] out = ClipPreprocessor.preprocess(new RgbImage(w, 8, px), P8);
      for (int x = 0; x < 8; x++) {
        assertThat(out[x]).as("width %d column %d", w, x)
            .isCloseTo(normalised((x + c[1]) * 20, 0), within(1e-6f));
      }
    }
  }

  @Test
  void resizeMatchesPillowsBicubicWithinOneLevel() {
    for (int[] size : new int[][] {{300, 200, 224}, {40, 64, 16}, {5, 7, 12}, {37, 37, 8}}) {
      RgbImage image = Images.blurred(Images.detailed(size[0], size[1], size[0]), 1);
      int s = size[2];
      Preprocess p = new Preprocess(s, "bicubic", "center", Preprocess.CLIP_MEAN, Preprocess.CLIP_STD);
      float[] out = ClipPreprocessor.preprocess(image, p);
      int w = image.width(), h = image.height();
      int newW = w <= h ? s : (int) ((long) s * w / h);
      int newH = w <= h ? (int) ((long) s * h / w) : s;
      int top = (int) Math.rint((newH - s) / 2.0), left = (int) Math.rint((newW - s) / 2.0);
      for (int c = 0; c < 3; c++) {
        double[][] plane = new double[h][w];
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            plane[y][x] = channel(image, c, x, y);
          }
        }
        double[][] resized = Reference.resizeRows(Reference.transpose(
            Reference.resizeRows(plane, newW, ClipPreprocessorTest::keys)), newH,
            ClipPreprocessorTest::keys);
        // resized is [newW][newH] after the transpose: index [x][y].
        for (int y = 0; y < s; y++) {
          for (int x = 0; x < s; x++) {
            double expected = normalised((int) resized[x + left][y + top], c);
            assertThat((double) out[c * s * s + y * s + x]).as("%s c%d (%d,%d)",
                java.util.Arrays.toString(size), c, x, y)
                .isCloseTo(expected, within(1.01 / 255 / Preprocess.CLIP_STD[c]));
          }
        }
      }
    }
  }

  @Test
  void siglipResizesTheWholeImageToASquareWithPillowsBilinearWithinOneLevel() {
    Preprocess siglip = new Preprocess(8, "bilinear", "none", Preprocess.HALF, Preprocess.HALF);
    for (int[] size : new int[][] {{40, 24}, {13, 29}, {5, 7}, {8, 8}}) {
      RgbImage image = Images.blurred(Images.detailed(size[0], size[1], size[0]), 1);
      float[] out = ClipPreprocessor.preprocess(image, siglip);
      double[] expected = dev.reelmesh.scoring.testing.TinySiglip.pixels(image);
      for (int i = 0; i < out.length; i++) {
        // One 8-bit level is 2/255 after (x − 0.5) / 0.5.
        assertThat((double) out[i]).as("%s value %d", java.util.Arrays.toString(size), i)
            .isCloseTo(expected[i], within(2.01 / 255));
      }
    }
  }

  static double keys(double t) {
    t = Math.abs(t);
    return t < 1 ? 1.5 * t * t * t - 2.5 * t * t + 1
        : t < 2 ? -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2 : 0;
  }

  static int channel(RgbImage image, int c, int x, int y) {
    return c == 0 ? image.red(x, y) : c == 1 ? image.green(x, y) : image.blue(x, y);
  }

  static float normalised(int value, int c) {
    return (float) ((value / 255.0 - Preprocess.CLIP_MEAN[c]) / Preprocess.CLIP_STD[c]);
  }
}
