package dev.reelmesh.scoring.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.reelmesh.scoring.batch.DynamicBatcher;
import java.nio.IntBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One version of a model with an open ONNX Runtime session, shared by every request (sessions are
 * thread-safe for run). Reference counted: the repository holds one reference while the version
 * serves, each request holds one while it runs; the session closes when the last lets go, so a
 * swap never pulls a session out from under a request in flight.
 */
public final class LoadedModel {
  private static final Logger log = LoggerFactory.getLogger(LoadedModel.class);

  private final String name;
  private final long version;
  private final ModelManifest manifest;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final PromptTokenizer tokenizer;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private final Map<String, String> roles;
  private final String provider;
  private final TextCache textCache;
  private final SigmoidLogits logits;
  private volatile int imageEmbeddingWidth = -1;
  private volatile DynamicBatcher<float[], float[]> imageBatcher;
  private final AtomicInteger refs = new AtomicInteger(1);
  private final AtomicBoolean retired = new AtomicBoolean();

  LoadedModel(String name, long version, ModelManifest manifest, OrtEnvironment env,
      OrtSession session, PromptTokenizer tokenizer, List<TensorSpec> inputs,
      List<TensorSpec> outputs, Map<String, String> roles, String provider, int textCacheSize,
      SigmoidLogits logits) {
    this.logits = logits;
    this.name = name;
    this.version = version;
    this.manifest = manifest;
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.inputs = inputs;
    this.outputs = outputs;
    this.roles = roles;
    this.provider = provider;
    this.textCache = new TextCache(textCacheSize);
  }

  /** Image-encoder calls of concurrent requests go through this batcher (vision-only models). */
  void enableBatching(DynamicBatcher<float[], float[]> batcher) {
    this.imageBatcher = batcher;
  }

  /** Image batching figures, or null when this model does not batch. */
  public DynamicBatcher.Stats batchStats() {
    DynamicBatcher<float[], float[]> batcher = imageBatcher;
    return batcher == null ? null : batcher.stats();
  }

  public String name() { return name; }
  public long version() { return version; }
  public ModelManifest manifest() { return manifest; }
  public List<TensorSpec> inputs() { return inputs; }
  public List<TensorSpec> outputs() { return outputs; }
  public String provider() { return provider; }
  public String label() { return name + "@" + version; }

  /** SigLIP's scale and bias (siglip and siglip-text models), else null. */
  public SigmoidLogits logits() { return logits; }

  /** Width of this model's image embeddings, measured by the warm-up run; -1 for non-image models. */
  public int imageEmbeddingWidth() { return imageEmbeddingWidth; }

  void setImageEmbeddingWidth(int width) {
    this.imageEmbeddingWidth = width;
  }

  /** Image embeddings of preprocessed [3, S, S] images, batched across requests when enabled. */
  public float[][] imageEmbeddings(List<float[]> pixels) {
    DynamicBatcher<float[], float[]> batcher = imageBatcher;
    if (batcher != null) {
      return batcher.submitAll(pixels).toArray(float[][]::new);
    }
    return runVision(pixels);
  }

  /** One direct encoder call on all {@code pixels} (what the batcher calls). */
  public float[][] runVision(List<float[]> pixels) {
    int size = manifest.preprocess().size();
    int per = 3 * size * size;
    float[] flat = new float[pixels.size() * per];
    for (int i = 0; i < pixels.size(); i++) {
      System.arraycopy(pixels.get(i), 0, flat, i * per, per);
    }
    try (OnnxTensor pv = OnnxTensors.floats(env, flat, pixels.size(), 3, size, size);
        OrtSession.Result result = session.run(Map.of(roles.get("pixel_values"), pv))) {
      return OnnxTensors.rows(result, roles.get("image_embeds"));
    } catch (OrtException e) {
      throw new IllegalStateException(label() + " image encoder failed: " + e.getMessage(), e);
    }
  }

  /** The prompt's text embedding (text-only models), cached per prompt for this version. */
  public float[] textEmbedding(String prompt) {
    return textCache.get(prompt, p -> {
      PromptTokenizer.Tokens tokens = tokenizer.encode(p);
      Map<String, OnnxTensor> feed = new LinkedHashMap<>();
      try {
        addText(feed, tokens);
        try (OrtSession.Result result = session.run(feed)) {
          return OnnxTensors.rows(result, roles.get("text_embeds"))[0];
        }
      } catch (OrtException e) {
        throw new IllegalStateException(label() + " text encoder failed: " + e.getMessage(), e);
      } finally {
        feed.values().forEach(OnnxTensor::close);
      }
    });
  }

  /** Joint models: image embeddings of every image and the prompt's text embedding, in one run. */
  public JointEmbeddings joint(List<float[]> pixels, String prompt) {
    int size = manifest.preprocess().size();
    int per = 3 * size * size;
    float[] flat = new float[pixels.size() * per];
    for (int i = 0; i < pixels.size(); i++) {
      System.arraycopy(pixels.get(i), 0, flat, i * per, per);
    }
    Map<String, OnnxTensor> feed = new LinkedHashMap<>();
    try {
      feed.put(roles.get("pixel_values"),
          OnnxTensors.floats(env, flat, pixels.size(), 3, size, size));
      addText(feed, tokenizer.encode(prompt));
      try (OrtSession.Result result = session.run(feed)) {
        return new JointEmbeddings(OnnxTensors.rows(result, roles.get("image_embeds")),
            OnnxTensors.rows(result, roles.get("text_embeds"))[0]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException(label() + " failed: " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  /** Aesthetic head on [n, d] embeddings; one raw score per row. */
  public double[] head(float[][] embeddings) {
    int d = embeddings[0].length;
    float[] flat = new float[embeddings.length * d];
    for (int i = 0; i < embeddings.length; i++) {
      System.arraycopy(embeddings[i], 0, flat, i * d, d);
    }
    try (OnnxTensor in = OnnxTensors.floats(env, flat, embeddings.length, d);
        OrtSession.Result result = session.run(Map.of(roles.get("embedding"), in))) {
      float[][] rows = OnnxTensors.rows(result, roles.get("score"));
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = rows[i][0];
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException(label() + " failed: " + e.getMessage(), e);
    }
  }

  /** The width the aesthetic head expects, or -1 when dynamic. */
  public long embeddingWidth() {
    return inputs.stream().filter(t -> t.name().equals(roles.get("embedding")))
        .mapToLong(t -> t.dim(1)).findFirst().orElse(-1);
  }

  private void addText(Map<String, OnnxTensor> feed, PromptTokenizer.Tokens tokens)
      throws OrtException {
    int n = tokens.ids().length;
    feed.put(roles.get("input_ids"), integers(roles.get("input_ids"), tokens.ids(), n));
    if (roles.containsKey("attention_mask")) {
      feed.put(roles.get("attention_mask"), integers(roles.get("attention_mask"), tokens.mask(), n));
    }
  }

  private OnnxTensor integers(String input, long[] values, int n) throws OrtException {
    boolean int32 = inputs.stream()
        .anyMatch(t -> t.name().equals(input) && t.elementType().equals("int32"));
    if (!int32) {
      return OnnxTensors.longs(env, values, 1, n);
    }
    int[] narrow = new int[n];
    for (int i = 0; i < n; i++) {
      narrow[i] = Math.toIntExact(values[i]);
    }
    return OnnxTensor.createTensor(env, IntBuffer.wrap(narrow), new long[] {1, n});
  }

  /** A request's hold on this version; false once it has been retired and drained. */
  boolean tryAcquire() {
    while (true) {
      int r = refs.get();
      if (r <= 0) {
        return false;
      }
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      closeNow();
    }
  }

  /** Stops serving: drops the repository's reference; the last request out closes the session. */
  void retire() {
    if (retired.compareAndSet(false, true)) {
      release();
    }
  }

  boolean isClosed() {
    return refs.get() <= 0;
  }

  private void closeNow() {
    DynamicBatcher<float[], float[]> batcher = imageBatcher;
    if (batcher != null) {
      batcher.close();
    }
    if (tokenizer != null) {
      tokenizer.close();
    }
    try {
      session.close();
      log.info("closed {}", label());
    } catch (OrtException e) {
      log.warn("closing {} failed", label(), e);
    }
  }

  /** Image and text embeddings from one joint-model run. */
  public record JointEmbeddings(float[][] images, float[] text) {}
}
