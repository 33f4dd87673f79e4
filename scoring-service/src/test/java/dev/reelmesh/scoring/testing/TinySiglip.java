package dev.reelmesh.scoring.testing;

import dev.reelmesh.scoring.image.RgbImage;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.Random;

/**
 * SigLIP-shaped stand-ins with the names Hugging Face exports use: an image tower
 * (pixel_values → last_hidden_state [N, 1, D], pooler_output [N, D]), a text tower (input_ids
 * only, 64 tokens → pooler_output), a joint model (→ logits_per_image, text_embeds, image_embeds)
 * and an int8 QDQ-quantised image tower. Scale and bias live in the ONNX metadata when asked.
 * Every output has a reference computed here in plain double-precision Java, preprocessing
 * (Pillow's antialiased bilinear resize to a square, mean = std = 0.5) included.
 */
public final class TinySiglip {
  public static final int SIZE = 8;
  public static final int DIM = 48;
  public static final int CONTEXT = 64;
  /** Activation scale of the QDQ tower: pixels in [−1, 1] → int8 [−127, 127]. */
  public static final float PIXEL_SCALE = 1f / 127;

  public final Linear vision;
  public final Linear text;
  public final Linear head1;
  public final Linear head2;
  public final float weightScale;
  public final byte[] quantised;

  public TinySiglip(long seed) {
    Random r = new Random(seed);
    vision = Linear.random(r, 3 * SIZE * SIZE, DIM, 0.1, 0.05);
    text = Linear.random(r, CONTEXT, DIM, 1e-4, 0.05);
    head1 = Linear.random(r, DIM, 16, 0.3, 0.01);
    head2 = Linear.random(r, 16, 1, 0.3, 0);
    head2.b()[0] = 5.5f;
    float max = 0;
    for (float w : vision.w()) {
      max = Math.max(max, Math.abs(w));
    }
    weightScale = max / 127;
    quantised = new byte[vision.w().length];
    for (int i = 0; i < quantised.length; i++) {
      quantised[i] = (byte) Math.max(-127, Math.min(127, Math.rint(vision.w()[i] / weightScale)));
    }
  }

  public byte[] visionModel() {
    return visionOutputs(new OnnxModelBuilder("siglip-vision")
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, SIZE, SIZE)
        .floats("Wv", vision.w(), vision.in(), vision.out()).floats("Bv", vision.b(), vision.out())
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("Gemm", List.of("flat", "Wv", "Bv"), List.of("pooler_output"))).build();
  }

  /** The image tower as an int8 QDQ export: quantised activations and weights around the Gemm. */
  public byte[] quantisedVisionModel() {
    return visionOutputs(new OnnxModelBuilder("siglip-vision-int8")
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, SIZE, SIZE)
        .floats("x_scale", new float[] {PIXEL_SCALE}).int8s("x_zero", new byte[] {0})
        .floats("w_scale", new float[] {weightScale}).int8s("w_zero", new byte[] {0})
        .int8s("Wq", quantised, vision.in(), vision.out()).floats("Bv", vision.b(), vision.out())
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("QuantizeLinear", List.of("flat", "x_scale", "x_zero"), List.of("flat_q"))
        .node("DequantizeLinear", List.of("flat_q", "x_scale", "x_zero"), List.of("flat_dq"))
        .node("DequantizeLinear", List.of("Wq", "w_scale", "w_zero"), List.of("W_dq"))
        .node("Gemm", List.of("flat_dq", "W_dq", "Bv"), List.of("pooler_output"))).build();
  }

  public byte[] textModel(Double scale, Double bias) {
    OnnxModelBuilder b = textGraph(new OnnxModelBuilder("siglip-text"))
        .output("pooler_output", OnnxModelBuilder.FLOAT, -1, DIM);
    return withLogits(b, scale, bias).build();
  }

  public byte[] jointModel(Double scale, Double bias) {
    OnnxModelBuilder b = textGraph(new OnnxModelBuilder("siglip")
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, SIZE, SIZE)
        .floats("Wv", vision.w(), vision.in(), vision.out()).floats("Bv", vision.b(), vision.out())
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("Gemm", List.of("flat", "Wv", "Bv"), List.of("image_embeds")))
        .node("Identity", List.of("pooler_output"), List.of("text_embeds"))
        .node("LpNormalization", List.of("image_embeds"), List.of("img_n"), "axis", 1L, "p", 2L)
        .node("LpNormalization", List.of("text_embeds"), List.of("txt_n"), "axis", 1L, "p", 2L)
        .node("Transpose", List.of("txt_n"), List.of("txt_t"), "perm", new long[] {1, 0})
        .node("MatMul", List.of("img_n", "txt_t"), List.of("logits_per_image"))
        .output("logits_per_image", OnnxModelBuilder.FLOAT, -1, -1)
        .output("text_embeds", OnnxModelBuilder.FLOAT, -1, DIM)
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, DIM);
    return withLogits(b, scale, bias).build();
  }

  /** An aesthetic head DIM → 16 → 1 for these embeddings. */
  public byte[] headModel() {
    return new OnnxModelBuilder("head").input("embedding", OnnxModelBuilder.FLOAT, -1, DIM)
        .floats("W1", head1.w(), DIM, 16).floats("B1", head1.b(), 16)
        .floats("W2", head2.w(), 16, 1).floats("B2", head2.b(), 1)
        .node("Gemm", List.of("embedding", "W1", "B1"), List.of("h"))
        .node("Gemm", List.of("h", "W2", "B2"), List.of("score"))
        .output("score", OnnxModelBuilder.FLOAT, -1, 1).build();
  }

  // --- references ------------------------------------------------------------------------------

  /** SigLIP preprocessing: Pillow's bilinear (triangle) resize to a square, mean = std = 0.5. */
  public static double[] pixels(RgbImage image) {
    double[] out = new double[3 * SIZE * SIZE];
    for (int c = 0; c < 3; c++) {
      double[][] plane = new double[image.height()][image.width()];
      for (int y = 0; y < image.height(); y++) {
        for (int x = 0; x < image.width(); x++) {
          int v = image.rgb()[y * image.width() + x] >> (16 - 8 * c) & 0xff;
          plane[y][x] = v;
        }
      }
      DoubleUnaryOperator triangle = t -> Math.max(0, 1 - Math.abs(t));
      double[][] resized = Reference.transpose(Reference.resizeRows(
          Reference.transpose(Reference.resizeRows(plane, SIZE, triangle)), SIZE, triangle));
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          out[c * SIZE * SIZE + y * SIZE + x] = (resized[y][x] / 255.0 - 0.5) / 0.5;
        }
      }
    }
    return out;
  }

  public double[] imageEmbedding(RgbImage image) {
    return vision.apply(pixels(image));
  }

  /** The QDQ tower's output: activations and weights rounded to int8 as ONNX defines it. */
  public double[] quantisedImageEmbedding(RgbImage image) {
    double[] x = pixels(image);
    for (int i = 0; i < x.length; i++) {
      double q = Math.max(-128, Math.min(127, Math.rint((float) x[i] / PIXEL_SCALE)));
      x[i] = q * PIXEL_SCALE;
    }
    float[] w = new float[quantised.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = quantised[i] * weightScale;
    }
    return new Linear(vision.in(), vision.out(), w, vision.b()).apply(x);
  }

  public double[] textEmbedding(String prompt) {
    long[] ids = TestTokenizer.expectedIds(prompt, CONTEXT)[0];
    double[] x = new double[CONTEXT];
    for (int i = 0; i < CONTEXT; i++) {
      x[i] = ids[i];
    }
    return text.apply(x);
  }

  public double headRaw(double[] embedding) {
    double n = 0;
    for (double v : embedding) {
      n += v * v;
    }
    double[] unit = new double[embedding.length];
    for (int i = 0; i < unit.length; i++) {
      unit[i] = embedding[i] / Math.sqrt(n);
    }
    return head2.apply(head1.apply(unit))[0];
  }

  private OnnxModelBuilder visionOutputs(OnnxModelBuilder b) {
    return b.node("Unsqueeze", List.of("pooler_output", "axis1"), List.of("last_hidden_state"))
        .output("last_hidden_state", OnnxModelBuilder.FLOAT, -1, 1, DIM)
        .output("pooler_output", OnnxModelBuilder.FLOAT, -1, DIM)
        .longs("axis1", new long[] {1}, 1);
  }

  private OnnxModelBuilder textGraph(OnnxModelBuilder b) {
    return b.input("input_ids", OnnxModelBuilder.INT64, -1, CONTEXT)
        .floats("Wt", text.w(), text.in(), text.out()).floats("Bt", text.b(), text.out())
        .node("Cast", List.of("input_ids"), List.of("ids_f"), "to", 1L)
        .node("Gemm", List.of("ids_f", "Wt", "Bt"), List.of("pooler_output"));
  }

  private static OnnxModelBuilder withLogits(OnnxModelBuilder b, Double scale, Double bias) {
    if (scale != null) {
      b.metadata("logit_scale", Double.toString(scale));
    }
    if (bias != null) {
      b.metadata("logit_bias", Double.toString(bias));
    }
    return b;
  }
}
