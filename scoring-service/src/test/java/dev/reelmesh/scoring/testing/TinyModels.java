package dev.reelmesh.scoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small stand-ins for real exports with the real tensor names: a CLIP vision tower
 * (pixel_values → image_embeds), a text tower (input_ids, attention_mask → text_embeds), a joint
 * model (→ logits_per_image, logits_per_text, text_embeds, image_embeds) and the LAION aesthetic
 * MLP (768→1024→128→64→16→1). The weights are kept so tests compute expected outputs themselves.
 */
public final class TinyModels {
  public static final int SIZE = 8;
  public static final int DIM = 768;
  public static final int CONTEXT = 77;
  public static final int[] LAION_LAYERS = {768, 1024, 128, 64, 16, 1};

  public final Linear vision;
  public final Linear text;
  public final List<Linear> aesthetic = new ArrayList<>();

  public TinyModels(long seed) {
    Random r = new Random(seed);
    vision = Linear.random(r, 3 * SIZE * SIZE, DIM, 0.1, 0.05);
    text = Linear.random(r, CONTEXT, DIM, 1e-4, 0.05);
    for (int i = 0; i + 1 < LAION_LAYERS.length; i++) {
      int in = LAION_LAYERS[i];
      aesthetic.add(Linear.random(r, in, LAION_LAYERS[i + 1], 2.0 / Math.sqrt(in), i == 4 ? 0 : 0.01));
    }
    float[] lastBias = aesthetic.get(4).b();
    lastBias[0] = 5.5f; // centre the head's output in the LAION range
  }

  public byte[] visionModel() {
    return visionGraph(new OnnxModelBuilder("vision"), SIZE)
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, DIM).build();
  }

  /** A vision model whose input does not match {@link #SIZE} (a "wrong tensor shapes" model). */
  public byte[] visionModelOfSize(int size) {
    Linear l = Linear.random(new Random(1), 3 * size * size, DIM, 0.1, 0.0);
    return new OnnxModelBuilder("vision-" + size)
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, size, size)
        .floats("W", l.w(), l.in(), l.out()).floats("B", l.b(), l.out())
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("Gemm", List.of("flat", "W", "B"), List.of("image_embeds"))
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, DIM).build();
  }

  public byte[] textModel() {
    return textGraph(new OnnxModelBuilder("text"))
        .output("text_embeds", OnnxModelBuilder.FLOAT, -1, DIM).build();
  }

  public byte[] jointModel(float logitScale) {
    OnnxModelBuilder b = textGraph(visionGraph(new OnnxModelBuilder("clip"), SIZE));
    return b.floats("logit_scale", new float[] {logitScale})
        .node("LpNormalization", List.of("image_embeds"), List.of("img_n"), "axis", 1L, "p", 2L)
        .node("LpNormalization", List.of("text_embeds"), List.of("txt_n"), "axis", 1L, "p", 2L)
        .node("Transpose", List.of("txt_n"), List.of("txt_t"), "perm", new long[] {1, 0})
        .node("MatMul", List.of("img_n", "txt_t"), List.of("cos"))
        .node("Mul", List.of("cos", "logit_scale"), List.of("logits_per_image"))
        .node("Transpose", List.of("logits_per_image"), List.of("logits_per_text"),
            "perm", new long[] {1, 0})
        .output("logits_per_image", OnnxModelBuilder.FLOAT, -1, -1)
        .output("logits_per_text", OnnxModelBuilder.FLOAT, -1, -1)
        .output("text_embeds", OnnxModelBuilder.FLOAT, -1, DIM)
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, DIM)
        .build();
  }

  public byte[] aestheticModel() {
    OnnxModelBuilder b = new OnnxModelBuilder("aesthetic")
        .input("input", OnnxModelBuilder.FLOAT, -1, LAION_LAYERS[0]);
    String previous = "input";
    for (int i = 0; i < aesthetic.size(); i++) {
      Linear l = aesthetic.get(i);
      String out = i == aesthetic.size() - 1 ? "output" : "h" + i;
      b.floats("W" + i, l.w(), l.in(), l.out()).floats("B" + i, l.b(), l.out())
          .node("Gemm", List.of(previous, "W" + i, "B" + i), List.of(out));
      previous = out;
    }
    return b.output("output", OnnxModelBuilder.FLOAT, -1, 1).build();
  }

  /** Reference image embedding of preprocessed pixels. */
  public double[] imageEmbedding(float[] pixels) {
    double[] x = new double[pixels.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = pixels[i];
    }
    return vision.apply(x);
  }

  /** Reference text embedding of token ids and mask. */
  public double[] textEmbedding(long[] ids, long[] mask) {
    double[] x = new double[ids.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (double) ids[i] * mask[i];
    }
    return text.apply(x);
  }

  /** Reference LAION head output on an already L2-normalised embedding. */
  public double aestheticRaw(double[] normalised) {
    double[] x = normalised;
    for (Linear l : aesthetic) {
      x = l.apply(x);
    }
    return x[0];
  }

  private OnnxModelBuilder visionGraph(OnnxModelBuilder b, int size) {
    return b.input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, size, size)
        .floats("Wv", vision.w(), vision.in(), vision.out()).floats("Bv", vision.b(), vision.out())
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("Gemm", List.of("flat", "Wv", "Bv"), List.of("image_embeds"));
  }

  private OnnxModelBuilder textGraph(OnnxModelBuilder b) {
    return b.input("input_ids", OnnxModelBuilder.INT64, -1, CONTEXT)
        .input("attention_mask", OnnxModelBuilder.INT64, -1, CONTEXT)
        .floats("Wt", text.w(), text.in(), text.out()).floats("Bt", text.b(), text.out())
        .node("Cast", List.of("input_ids"), List.of("ids_f"), "to", 1L)
        .node("Cast", List.of("attention_mask"), List.of("mask_f"), "to", 1L)
        .node("Mul", List.of("ids_f", "mask_f"), List.of("masked"))
        .node("Gemm", List.of("masked", "Wt", "Bt"), List.of("text_embeds"));
  }

  // --- repository layout ---------------------------------------------------------------------

  public static final String VISION_MANIFEST =
      "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":" + SIZE + "}}";
  public static final String TEXT_MANIFEST =
      "{\"kind\":\"clip-text\",\"tokenizer\":{\"file\":\"tokenizer.json\",\"context_length\":77}}";
  public static final String AESTHETIC_MANIFEST = "{\"kind\":\"aesthetic-head\"}";
  public static final String JOINT_MANIFEST =
      "{\"kind\":\"clip\",\"preprocess\":{\"size\":" + SIZE + "}}";
  public static final String PICKSCORE_MANIFEST =
      "{\"kind\":\"pickscore\",\"preprocess\":{\"size\":" + SIZE + "},\"logit_scale\":100}";

  /** Writes models/<name>/model.json (+ tokenizer.json) and models/<name>/<version>/model.onnx. */
  public static void install(Path models, String name, long version, String manifest,
      byte[] onnx, boolean tokenizer) {
    try {
      Path dir = models.resolve(name);
      Files.createDirectories(dir.resolve(Long.toString(version)));
      Files.writeString(dir.resolve("model.json"), manifest);
      if (tokenizer) {
        TestTokenizer.write(dir.resolve("tokenizer.json"));
      }
      // Write then move, so a polling watcher never sees half a file.
      Path tmp = dir.resolve(version + ".tmp.onnx");
      Files.write(tmp, onnx);
      Files.move(tmp, dir.resolve(Long.toString(version)).resolve("model.onnx"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The clip-vision + clip-text pair and the aesthetic head, version {@code version}. */
  public void installPairAndHead(Path models, long version) {
    install(models, "clip-vision", version, VISION_MANIFEST, visionModel(), false);
    install(models, "clip-text", version, TEXT_MANIFEST, textModel(), true);
    install(models, "aesthetic", version, AESTHETIC_MANIFEST, aestheticModel(), false);
  }
}
