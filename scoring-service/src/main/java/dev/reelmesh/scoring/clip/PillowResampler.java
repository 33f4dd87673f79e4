package dev.reelmesh.scoring.clip;

/**
 * Pillow's bicubic and bilinear resize (what CLIP's torchvision transforms and Hugging Face's
 * SigLIP processor call on PIL images), reproduced to the integer: the kernel (Keys cubic with
 * a = −0.5, or the triangle) widened by the scale when shrinking (antialiasing), coefficients in
 * 22-bit fixed point, horizontal pass then vertical, rounding to 8 bits between.
 */
final class PillowResampler {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  /** Pillow's filters: support and kernel. */
  enum Filter {
    BICUBIC(2.0), BILINEAR(1.0);

    final double support;

    Filter(double support) {
      this.support = support;
    }

    double weight(double x) {
      return this == BICUBIC ? cubic(x) : Math.max(0, 1 - Math.abs(x));
    }

    static Filter named(String name) {
      return name.equals("bilinear") ? BILINEAR : BICUBIC;
    }
  }

  private PillowResampler() {}

  /** Resizes one 8-bit channel plane. */
  static int[] resize(int[] src, int w, int h, int newW, int newH, Filter filter) {
    int[] horizontal = w == newW ? src : pass(src, w, h, newW, true, filter);
    return h == newH ? horizontal : pass(horizontal, newW, h, newH, false, filter);
  }

  private static int[] pass(int[] src, int w, int h, int outSize, boolean horizontal,
      Filter filter) {
    int inSize = horizontal ? w : h;
    Coefficients c = coefficients(inSize, outSize, filter);
    int outW = horizontal ? outSize : w;
    int outH = horizontal ? h : outSize;
    int[] out = new int[outW * outH];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        int o = horizontal ? x : y;
        int start = c.bounds[o * 2];
        int count = c.bounds[o * 2 + 1];
        long acc = 1L << (PRECISION_BITS - 1);
        for (int k = 0; k < count; k++) {
          int s = start + k;
          int pixel = horizontal ? src[y * w + s] : src[s * w + x];
          acc += (long) pixel * c.weights[o * c.kernelSize + k];
        }
        out[y * outW + x] = clip8(acc);
      }
    }
    return out;
  }

  private static int clip8(long acc) {
    if (acc >= (1L << 8 << PRECISION_BITS)) {
      return 255;
    }
    if (acc <= 0) {
      return 0;
    }
    return (int) (acc >> PRECISION_BITS);
  }

  private record Coefficients(int kernelSize, int[] bounds, int[] weights) {}

  private static Coefficients coefficients(int inSize, int outSize, Filter filter) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = filter.support * filterScale;
    int kernelSize = (int) Math.ceil(support) * 2 + 1;
    int[] bounds = new int[outSize * 2];
    int[] weights = new int[outSize * kernelSize];
    double[] k = new double[kernelSize];
    for (int xx = 0; xx < outSize; xx++) {
      double center = (xx + 0.5) * scale;
      int xmin = Math.max((int) (center - support + 0.5), 0);
      int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
      double total = 0;
      for (int x = 0; x < xmax; x++) {
        k[x] = filter.weight((x + xmin - center + 0.5) / filterScale);
        total += k[x];
      }
      for (int x = 0; x < xmax; x++) {
        double w = total != 0 ? k[x] / total : k[x];
        // Round half away from zero, as Pillow's normalize_coeffs_8bpc does.
        double fixed = w * (1 << PRECISION_BITS);
        weights[xx * kernelSize + x] = (int) (fixed < 0 ? fixed - 0.5 : fixed + 0.5);
      }
      bounds[xx * 2] = xmin;
      bounds[xx * 2 + 1] = xmax;
    }
    return new Coefficients(kernelSize, bounds, weights);
  }

  /** Keys' cubic convolution kernel with a = −0.5. */
  static double cubic(double x) {
    double a = -0.5;
    x = Math.abs(x);
    if (x < 1) {
      return ((a + 2) * x - (a + 3)) * x * x + 1;
    }
    if (x < 2) {
      return (((x - 5) * x + 8) * x - 4) * a;
    }
    return 0;
  }
}
