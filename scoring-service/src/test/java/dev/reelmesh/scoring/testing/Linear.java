package dev.reelmesh.scoring.testing;

import java.util.Random;

/** A dense layer y = x·W + b with W stored [in, out] row-major (what ONNX Gemm takes as B). */
public record Linear(int in, int out, float[] w, float[] b) {
  public static Linear random(Random random, int in, int out, double scale, double bias) {
    float[] w = new float[in * out];
    float[] b = new float[out];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (random.nextGaussian() * scale);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) (random.nextGaussian() * bias);
    }
    return new Linear(in, out, w, b);
  }

  /** The reference computation, in double precision. */
  public double[] apply(double[] x) {
    double[] y = new double[out];
    for (int j = 0; j < out; j++) {
      double s = b[j];
      for (int i = 0; i < in; i++) {
        s += x[i] * w[i * out + j];
      }
      y[j] = s;
    }
    return y;
  }
}
