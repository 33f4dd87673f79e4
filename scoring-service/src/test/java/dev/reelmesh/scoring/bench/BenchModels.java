package dev.reelmesh.scoring.bench;

import dev.reelmesh.scoring.testing.Linear;
import dev.reelmesh.scoring.testing.OnnxModelBuilder;
import dev.reelmesh.scoring.testing.TinyModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A benchmark-sized vision tower at CLIP's real input (224×224): a 32×32/32 patch convolution to
 * 256 channels, a 1×1 conv MLP (256→1024→256), global average pooling and a projection to 768 —
 * about 64 M multiply-adds per image, the same shape of work as a small CLIP image encoder.
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

  /** The benchmark vision tower plus the test text tower (768-d) as a clip pair. */
  static void install(Path models) {
    TinyModels tiny = new TinyModels(42);
    TinyModels.install(models, "clip-vision", 1, VISION_MANIFEST, vision(), false);
    TinyModels.install(models, "clip-text", 1, TinyModels.TEXT_MANIFEST, tiny.textModel(), true);
  }

  private static float[] gaussian(Random r, int n, double scale) {
    return Linear.random(r, n, 1, scale, 0).w();
  }
}
