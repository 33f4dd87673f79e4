package dev.reelmesh.scoring.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Optional;

/**
 * SigLIP's learned temperature and bias: p(match) = sigmoid(scale × cos + bias). {@code scale} is
 * the multiplier itself (exp of the checkpoint's {@code logit_scale} parameter, ≈ 117 for
 * so400m), {@code bias} the checkpoint's {@code logit_bias} (≈ −13). They come from model.json,
 * else from the ONNX file's metadata_props {@code logit_scale} / {@code logit_bias}; a SigLIP
 * model without them does not load, as a guessed bias would shift every probability.
 */
public record SigmoidLogits(double scale, double bias) {
  public double logit(double cosine) {
    return scale * cosine + bias;
  }

  public double probability(double cosine) {
    return 1 / (1 + Math.exp(-logit(cosine)));
  }

  static SigmoidLogits resolve(ModelManifest manifest, OrtSession session)
      throws ModelLoadException {
    double scale = manifest.logitScaleGiven() ? manifest.logitScale()
        : metadata(session, "logit_scale");
    double bias = manifest.logitBias() != null ? manifest.logitBias()
        : metadata(session, "logit_bias");
    return new SigmoidLogits(scale, bias);
  }

  private static double metadata(OrtSession session, String key) throws ModelLoadException {
    Optional<String> value;
    try {
      value = session.getMetadata().getCustomMetadataValue(key);
    } catch (OrtException e) {
      throw new ModelLoadException("cannot read the model's metadata: " + e.getMessage(), e);
    }
    String where = "; set \"" + key + "\" in model.json or the ONNX file's metadata_props";
    if (value.isEmpty()) {
      throw new ModelLoadException("a SigLIP model needs its " + key + where);
    }
    try {
      double v = Double.parseDouble(value.get().trim());
      if (!Double.isFinite(v) || (key.equals("logit_scale") && v <= 0)) {
        throw new NumberFormatException("out of range");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ModelLoadException("metadata " + key + " '" + value.get()
          + "' is not a usable number" + where);
    }
  }
}
