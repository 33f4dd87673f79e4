package dev.reelmesh.scoring.clip;

/** Vector math on embeddings, in double precision. */
public final class Embeddings {
  private Embeddings() {}

  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("embedding widths differ: " + a.length + " vs " + b.length);
    }
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  public static float[] l2Normalised(float[] v) {
    double n = 0;
    for (float x : v) {
      n += (double) x * x;
    }
    double norm = Math.sqrt(n);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  /** Softmax of {@code logits}, stable for large values. */
  public static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    double[] out = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      out[i] = Math.exp(logits[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }
}
