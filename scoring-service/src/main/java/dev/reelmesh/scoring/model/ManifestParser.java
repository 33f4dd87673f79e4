package dev.reelmesh.scoring.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads {@code model.json}, refusing anything it does not understand with a precise reason. */
public final class ManifestParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("kind", "inputs", "outputs", "preprocess",
      "tokenizer", "logit_scale", "logit_bias", "score_map", "version_policy", "embedding_model",
      "description");
  private static final Set<String> INPUT_ROLES =
      Set.of("pixel_values", "input_ids", "attention_mask", "embedding");
  private static final Set<String> OUTPUT_ROLES = Set.of("image_embeds", "text_embeds", "score");

  private ManifestParser() {}

  public static ModelManifest parse(String json) throws ManifestException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ManifestException("model.json is not valid JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr());
    }
    if (root == null || !root.isObject()) {
      throw new ManifestException("model.json must be a JSON object");
    }
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new ManifestException("model.json: unknown field '" + field + "'; known: " + FIELDS);
      }
    }
    String kindId = root.path("kind").asText("");
    ModelKind kind = ModelKind.fromId(kindId).orElseThrow(() -> new ManifestException(
        "model.json: kind '" + kindId + "' is not one of " + ModelKind.ids()));
    Map<String, String> inputs = names(root, "inputs", INPUT_ROLES);
    Map<String, String> outputs = names(root, "outputs", OUTPUT_ROLES);
    boolean siglip = kind == ModelKind.SIGLIP || kind == ModelKind.SIGLIP_VISION
        || kind == ModelKind.SIGLIP_TEXT;
    Preprocess preprocess = kind.hasVision()
        ? preprocess(root.path("preprocess"), siglip ? Preprocess.SIGLIP : Preprocess.CLIP) : null;
    JsonNode tok = root.path("tokenizer");
    String tokenizerFile = kind.hasText() ? tok.path("file").asText("tokenizer.json") : null;
    if (tokenizerFile != null && ModelNames.problem(tokenizerFile) != null) {
      throw new ManifestException("model.json: tokenizer.file must be a file name in the model or"
          + " version directory, got '" + tokenizerFile + "'");
    }
    if (tokenizerFile != null && TokenizerFiles.manifestProblem(tokenizerFile) != null) {
      throw new ManifestException(TokenizerFiles.manifestProblem(tokenizerFile));
    }
    int context = tok.path("context_length").asInt(siglip ? 64 : 77);
    JsonNode lowercase = tok.path("lowercase");
    if (!lowercase.isMissingNode() && !lowercase.isBoolean()) {
      throw new ManifestException("model.json: tokenizer.lowercase must be true or false");
    }
    if (kind.hasText() && (context < 2 || context > 4096)) {
      throw new ManifestException("model.json: tokenizer.context_length must be in [2, 4096], got "
          + context);
    }
    double logitScale = number(root, "logit_scale", 100);
    Double logitBias = root.has("logit_bias") ? number(root, "logit_bias", 0) : null;
    if (logitBias != null && !Double.isFinite(logitBias)) {
      throw new ManifestException("model.json: logit_bias must be finite, got " + logitBias);
    }
    if (!(logitScale > 0) || Double.isInfinite(logitScale)) {
      throw new ManifestException("model.json: logit_scale must be > 0, got " + logitScale);
    }
    JsonNode map = root.path("score_map");
    // Defaults: the aesthetic head's ~1–10; PickScore's logit from 0 to logit_scale (= 100 × cos).
    boolean aesthetic = kind == ModelKind.AESTHETIC_HEAD;
    ScoreMap scoreMap = new ScoreMap(number(map, "min", aesthetic ? 1 : 0),
        number(map, "max", aesthetic ? 10 : kind == ModelKind.PICKSCORE ? logitScale : 1));
    if (!(scoreMap.max() > scoreMap.min())) {
      throw new ManifestException("model.json: score_map.max must exceed score_map.min");
    }
    String embeddingModel = root.path("embedding_model").asText("");
    if (!embeddingModel.isEmpty() && ModelNames.problem(embeddingModel) != null) {
      throw new ManifestException("model.json: embedding_model: " + ModelNames.problem(embeddingModel));
    }
    return new ModelManifest(kind, inputs, outputs, preprocess, tokenizerFile, context,
        lowercase.asBoolean(false), logitScale, root.has("logit_scale"), logitBias, scoreMap,
        VersionPolicy.parse(root.path("version_policy")), embeddingModel.isEmpty() ? null : embeddingModel, json);
  }

  private static Preprocess preprocess(JsonNode node, Preprocess defaults)
      throws ManifestException {
    if (node.isMissingNode()) {
      return defaults;
    }
    int size = node.path("size").asInt(defaults.size());
    if (size < 1 || size > 4096) {
      throw new ManifestException("model.json: preprocess.size must be in [1, 4096], got " + size);
    }
    String resize = node.path("resize").asText(defaults.resize());
    if (!resize.equals("bicubic") && !resize.equals("bilinear")) {
      throw new ManifestException("model.json: preprocess.resize '" + resize
          + "' is not supported; use \"bicubic\" (CLIP) or \"bilinear\" (SigLIP)");
    }
    String crop = node.path("crop").asText(defaults.crop());
    if (!crop.equals("center") && !crop.equals("none")) {
      throw new ManifestException("model.json: preprocess.crop '" + crop + "' is not supported;"
          + " use \"center\" (short side to size, then crop) or \"none\" (whole image to size²)");
    }
    return new Preprocess(size, resize, crop, triple(node, "mean", defaults.mean()),
        triple(node, "std", defaults.std()));
  }

  private static double[] triple(JsonNode node, String field, double[] fallback)
      throws ManifestException {
    JsonNode values = node.path(field);
    if (values.isMissingNode()) {
      return fallback;
    }
    if (!values.isArray() || values.size() != 3) {
      throw new ManifestException("model.json: preprocess." + field + " must be 3 numbers (R, G, B)");
    }
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      if (!values.get(i).isNumber()) {
        throw new ManifestException("model.json: preprocess." + field + "[" + i + "] is not a number");
      }
      out[i] = values.get(i).asDouble();
    }
    if (field.equals("std") && (out[0] <= 0 || out[1] <= 0 || out[2] <= 0)) {
      throw new ManifestException("model.json: preprocess.std values must be > 0");
    }
    return out;
  }

  private static Map<String, String> names(JsonNode root, String field, Set<String> roles)
      throws ManifestException {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode node = root.path(field);
    if (node.isMissingNode()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ManifestException("model.json: " + field + " must map roles to tensor names");
    }
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!roles.contains(e.getKey())) {
        throw new ManifestException("model.json: " + field + "." + e.getKey()
            + " is not a role; known: " + roles);
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static double number(JsonNode node, String field, double fallback)
      throws ManifestException {
    JsonNode v = node.path(field);
    if (v.isMissingNode()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new ManifestException("model.json: " + field + " must be a number");
    }
    return v.asDouble();
  }
}
