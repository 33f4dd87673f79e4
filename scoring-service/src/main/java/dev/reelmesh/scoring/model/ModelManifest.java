package dev.reelmesh.scoring.model;

import java.util.Map;

/**
 * A model's {@code model.json}: its kind, tensor names by role (absent roles are found from the
 * model's own metadata), preprocessing, tokenizer, logit scale and the raw→0–100 mapping.
 *
 * <p>Roles: inputs {@code pixel_values}, {@code input_ids}, {@code attention_mask},
 * {@code embedding} (aesthetic head); outputs {@code image_embeds}, {@code text_embeds},
 * {@code score} (aesthetic head).
 *
 * <p>{@code logitScale} is what the manifest says, else 100 ({@code logitScaleGiven} tells which);
 * {@code logitBias} is null unless the manifest gives it. SigLIP models may carry both in the
 * ONNX file's metadata instead (see {@link SigmoidLogits}).
 */
public record ModelManifest(
    ModelKind kind,
    Map<String, String> inputs,
    Map<String, String> outputs,
    Preprocess preprocess,
    String tokenizerFile,
    int contextLength,
    boolean lowercasePrompt,
    double logitScale,
    boolean logitScaleGiven,
    Double logitBias,
    ScoreMap scoreMap,
    VersionPolicy versionPolicy,
    String embeddingModel,
    String json) {}
