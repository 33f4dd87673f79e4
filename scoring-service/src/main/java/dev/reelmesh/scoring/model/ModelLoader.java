package dev.reelmesh.scoring.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.batch.DynamicBatcher;
import dev.reelmesh.scoring.batch.RequestGauge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Opens one model version and proves it can serve before it is allowed to: the file loads, the
 * tensors fit the manifest's kind and preprocessing, and a warm-up run gives the expected shapes.
 * Anything else is a {@link ModelLoadException} saying exactly what is wrong.
 */
final class ModelLoader {
  private final ScoringConfig config;
  private final RequestGauge requests;

  ModelLoader(ScoringConfig config, RequestGauge requests) {
    this.config = config;
    this.requests = requests;
  }

  LoadedModel load(String name, long version, Path modelDir, ModelManifest manifest)
      throws ModelLoadException {
    Path versionDir = modelDir.resolve(Long.toString(version));
    Path file = versionDir.resolve("model.onnx");
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException("no model.onnx in " + versionDir);
    }
    // Once per process, before the first session allocates, so unloads give memory back; here
    // rather than at service start, which then loads no native library when there are no models.
    NativeMemory.fixMmapThreshold();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session;
    String provider;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // Idle intra-op threads would otherwise spin after each run, taking the cores the gRPC
      // transport threads need to deliver the next request.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      provider = ExecutionProviders.configure(options);
      session = env.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new ModelLoadException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
    }
    PromptTokenizer tokenizer = null;
    try {
      List<TensorSpec> inputs = OnnxTensors.specs(session.getInputInfo());
      List<TensorSpec> outputs = OnnxTensors.specs(session.getOutputInfo());
      Map<String, String> roles = TensorRoles.resolve(manifest, inputs, outputs);
      if (manifest.kind().hasVision()) {
        checkPixelShape(manifest, spec(inputs, roles.get("pixel_values")));
      }
      if (manifest.kind().hasText()) {
        tokenizer = PromptTokenizer.load(TokenizerFiles.find(modelDir, versionDir, manifest),
            manifest.contextLength(), manifest.lowercasePrompt());
      }
      SigmoidLogits logits = manifest.kind().needsLogitBias()
          ? SigmoidLogits.resolve(manifest, session) : null;
      LoadedModel model = new LoadedModel(name, version, manifest, env, session, tokenizer,
          inputs, outputs, roles, provider, config.textCacheSize(), logits);
      warmUp(model, inputs, roles);
      if (manifest.kind().isVisionTower()) {
        model.enableBatching(new DynamicBatcher<>(model.label(), config.maxBatch(),
            config.maxBatchWait(), batch -> Arrays.asList(model.runVision(batch)),
            requests::current));
      }
      return model;
    } catch (ModelLoadException | OrtException | RuntimeException e) {
      if (tokenizer != null) {
        tokenizer.close();
      }
      try {
        session.close();
      } catch (OrtException ignored) {
        // Already failing; the load error is the one to report.
      }
      if (e instanceof ModelLoadException mle) {
        throw mle;
      }
      throw new ModelLoadException(file + ": " + e.getMessage(), e);
    }
  }

  private static void checkPixelShape(ModelManifest manifest, TensorSpec pixels)
      throws ModelLoadException {
    int size = manifest.preprocess().size();
    List<Long> s = pixels.shape();
    boolean ok = (s.get(1) == 3 || s.get(1) < 0) && (s.get(2) == size || s.get(2) < 0)
        && (s.get(3) == size || s.get(3) < 0);
    if (!ok) {
      throw new ModelLoadException("input " + pixels + " does not take [N, 3, " + size + ", "
          + size + "] images (model.json preprocess.size is " + size + ")");
    }
  }

  private static TensorSpec spec(List<TensorSpec> specs, String name) {
    return specs.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /** One run on neutral input: catches wrong shapes inside the graph before any request does. */
  private static void warmUp(LoadedModel model, List<TensorSpec> inputs, Map<String, String> roles)
      throws ModelLoadException {
    ModelKind kind = model.manifest().kind();
    try {
      if (kind == ModelKind.AESTHETIC_HEAD) {
        long width = model.embeddingWidth();
        if (width <= 0) {
          throw new ModelLoadException("aesthetic head input " + spec(inputs, roles.get("embedding"))
              + " must have a fixed embedding width");
        }
        double[] out = model.head(new float[][] {new float[(int) width]});
        if (out.length != 1) {
          throw new ModelLoadException("aesthetic head gave " + out.length
              + " scores for one embedding; expected output [N, 1]");
        }
        return;
      }
      int size = kind.hasVision() ? model.manifest().preprocess().size() : 0;
      float[] zeros = new float[3 * size * size];
      if (kind.isVisionTower()) {
        float[][] rows = model.runVision(List.of(zeros));
        expectRows(rows, 1, "image_embeds");
        model.setImageEmbeddingWidth(rows[0].length);
      } else if (kind.isTextTower()) {
        model.textEmbedding("a photo");
      } else {
        LoadedModel.JointEmbeddings joint = model.joint(List.of(zeros), "a photo");
        expectRows(joint.images(), 1, "image_embeds");
        if (joint.text().length != joint.images()[0].length) {
          throw new ModelLoadException("image_embeds width " + joint.images()[0].length
              + " differs from text_embeds width " + joint.text().length);
        }
        model.setImageEmbeddingWidth(joint.images()[0].length);
      }
    } catch (RuntimeException e) {
      throw new ModelLoadException("warm-up run failed: " + e.getMessage(), e);
    }
  }

  private static void expectRows(float[][] rows, int n, String output) throws ModelLoadException {
    if (rows.length != n || rows[0].length == 0) {
      throw new ModelLoadException(output + " gave " + rows.length + " rows for " + n
          + " images; expected [N, D]");
    }
  }
}
