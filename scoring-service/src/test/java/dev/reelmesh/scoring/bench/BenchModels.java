package dev.reelmesh.scoring.bench;

import dev.reelmesh.scoring.testing.Linear;
import dev.reelmesh.scoring.testing.OnnxModelBuilder;
import dev.reelmesh.scoring.testing.TinyModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Vision towers for the benchmark, at CLIP's real input (224×224), built by the test code.
 *
 * <ul>
 *   <li>{@link #vision()}, small: a 32×32/32 patch convolution to 256 channels, a 1×1 conv MLP
 *       (256→1024→256), global average pooling and a projection to 768 — about 64 M
 *       multiply-adds per image, so decoding and preprocessing dominate the cost of a call.
 *   <li>{@link #visionVitB32Cost()}: the compute of CLIP ViT-B/32's image encoder (≈4.4 G
 *       multiply-adds) without its attention: a patch convolution to 768 channels on the 7×7
 *       grid, then 12 residual blocks of four 768×768 projections (where attention's q, k, v and
 *       out projections would be) and a 768→3072→768 MLP, all as 1×1 convolutions over the 49
 *       patches. The blocks share one set of weights to keep the file at 30 MB; ONNX Runtime
 *       still does every multiply.
 * </ul>
 */
final class BenchModels {
  static final String VISION_MANIFEST = "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":224}}";

  private BenchModels() {}

  static byte[] vision() {
    Random r = new Random(11);
    return new OnnxModelBuilder("bench-vision")
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, 224, 224)
        .floats("Wp", gaussian(r, 256 * 3 * 32 * 32, 0.02), 256, 3, 32, 32)
        .floats("Bp", gaussian(r, 256, 0.01), 256)
        .floats("W1", gaussian(r, 1024 * 256, 0.06), 1024, 256, 1, 1)
        .floats("W2", gaussian(r, 256 * 1024, 0.03), 256, 1024, 1, 1)
        .floats("Wo", gaussian(r, 256 * 768, 0.06), 256, 768)
        .floats("Bo", gaussian(r, 768, 0.01), 768)
        .node("Conv", List.of("pixel_values", "Wp", "Bp"), List.of("patches"),
            "kernel_shape", new long[] {32, 32}, "strides", new long[] {32, 32})
        .node("Relu", List.of("patches"), List.of("a0"))
        .node("Conv", List.of("a0", "W1"), List.of("h1"), "kernel_shape", new long[] {1, 1})
        .node("Relu", List.of("h1"), List.of("a1"))
        .node("Conv", List.of("a1", "W2"), List.of("h2"), "kernel_shape", new long[] {1, 1})
        .node("GlobalAveragePool", List.of("h2"), List.of("pooled"))
        .node("Flatten", List.of("pooled"), List.of("flat"), "axis", 1L)
        .node("Gemm", List.of("flat", "Wo", "Bo"), List.of("image_embeds"))
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, 768)
        .build();
  }

  /** ≈4.3 G multiply-adds per image: 115 M (patches) + 12 × (4 × 29 M + 2 × 116 M). */
  static byte[] visionVitB32Cost() {
    return transformerCost("bench-vision-vit-b32-cost", 32);
  }

  /**
   * SigLIP-base/16 at 224 without attention: the same 12 blocks over a 14×14 grid of 16-pixel
   * patches, ≈17 G multiply-adds per image (4× ViT-B/32's 49 patches).
   */
  static byte[] visionSiglipBaseCost() {
    return transformerCost("bench-vision-siglip-b16-cost", 16);
  }

  private static byte[] transformerCost(String name, int patch) {
    Random r = new Random(13);
    OnnxModelBuilder b = new OnnxModelBuilder(name)
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, 224, 224)
        .floats("Wp", gaussian(r, 768 * 3 * patch * patch, 0.02), 768, 3, patch, patch)
        .floats("Wq", gaussian(r, 768 * 768, 0.01), 768, 768, 1, 1)
        .floats("Wk", gaussian(r, 768 * 768, 0.01), 768, 768, 1, 1)
        .floats("Wv", gaussian(r, 768 * 768, 0.01), 768, 768, 1, 1)
        .floats("Wo", gaussian(r, 768 * 768, 0.01), 768, 768, 1, 1)
        .floats("W1", gaussian(r, 3072 * 768, 0.01), 3072, 768, 1, 1)
        .floats("W2", gaussian(r, 768 * 3072, 0.005), 768, 3072, 1, 1)
        .node("Conv", List.of("pixel_values", "Wp"), List.of("x0"),
            "kernel_shape", new long[] {patch, patch}, "strides", new long[] {patch, patch});
    String x = "x0";
    for (int layer = 0; layer < 12; layer++) {
      String p = "l" + layer + "_";
      b.node("Conv", List.of(x, "Wq"), List.of(p + "q"), "kernel_shape", new long[] {1, 1})
          .node("Conv", List.of(p + "q", "Wk"), List.of(p + "k"), "kernel_shape", new long[] {1, 1})
          .node("Conv", List.of(p + "k", "Wv"), List.of(p + "v"), "kernel_shape", new long[] {1, 1})
          .node("Conv", List.of(p + "v", "Wo"), List.of(p + "o"), "kernel_shape", new long[] {1, 1})
          .node("Add", List.of(x, p + "o"), List.of(p + "r1"))
          .node("Conv", List.of(p + "r1", "W1"), List.of(p + "h"), "kernel_shape", new long[] {1, 1})
          .node("Relu", List.of(p + "h"), List.of(p + "a"))
          .node("Conv", List.of(p + "a", "W2"), List.of(p + "m"), "kernel_shape", new long[] {1, 1})
          .node("Add", List.of(p + "r1", p + "m"), List.of(p + "out"));
      x = p + "out";
    }
    return b.node("GlobalAveragePool", List.of(x), List.of("pooled"))
        .node("Flatten", List.of("pooled"), List.of("image_embeds"), "axis", 1L)
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, 768)
        .build();
  }

  /** The small benchmark vision tower plus the test text tower (768-d) as a clip pair. */
  static void install(Path models) {
    install(models, vision());
  }

  /** {@code vision} plus the test text tower (768-d) as a clip pair. */
  static void install(Path models, byte[] vision) {
    TinyModels tiny = new TinyModels(42);
    TinyModels.install(models, "clip-vision", 1, VISION_MANIFEST, vision, false);
    TinyModels.install(models, "clip-text", 1, TinyModels.TEXT_MANIFEST, tiny.textModel(), true);
  }

  /** A 768-d text tower on 64 tokens (input_ids only), as SigLIP's export takes them. */
  static byte[] siglipText() {
    Linear t = Linear.random(new Random(17), 64, 768, 1e-4, 0.05);
    return new OnnxModelBuilder("bench-siglip-text")
        .input("input_ids", OnnxModelBuilder.INT64, -1, 64)
        .floats("Wt", t.w(), 64, 768).floats("Bt", t.b(), 768)
        .node("Cast", List.of("input_ids"), List.of("ids_f"), "to", 1L)
        .node("Gemm", List.of("ids_f", "Wt", "Bt"), List.of("text_embeds"))
        .output("text_embeds", OnnxModelBuilder.FLOAT, -1, 768).build();
  }

  private static float[] gaussian(Random r, int n, double scale) {
    return Linear.random(r, n, 1, scale, 0).w();
  }
}
