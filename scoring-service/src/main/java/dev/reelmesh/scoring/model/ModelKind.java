package dev.reelmesh.scoring.model;

import java.util.Arrays;
import java.util.Optional;

/** What a model in the repository is, and so which tensors it must have. */
public enum ModelKind {
  /** Joint CLIP: pixel_values + input_ids → image_embeds, text_embeds (HF CLIPModel export). */
  CLIP("clip", true, true),
  /** CLIP image tower: pixel_values → image_embeds. Pairs with a clip-text model. */
  CLIP_VISION("clip-vision", true, false),
  /** CLIP text tower: input_ids (+ attention_mask) → text_embeds. */
  CLIP_TEXT("clip-text", false, true),
  /** Aesthetic MLP on an embedding model's L2-normalised image embedding → ~1–10. */
  AESTHETIC_HEAD("aesthetic-head", false, false),
  /** PickScore: a joint CLIP-H export scored as logit_scale × cosine. */
  PICKSCORE("pickscore", true, true),
  /**
   * Joint SigLIP / SigLIP2: pixel_values + input_ids → image_embeds, text_embeds, scored as
   * sigmoid(logit_scale × cos + logit_bias), with SigLIP's own preprocessing (square resize).
   */
  SIGLIP("siglip", true, true),
  /** SigLIP image tower: pixel_values → image_embeds (HF exports call it pooler_output). */
  SIGLIP_VISION("siglip-vision", true, false),
  /** SigLIP text tower: input_ids → text_embeds; carries the pair's logit scale and bias. */
  SIGLIP_TEXT("siglip-text", false, true);

  private final String id;
  private final boolean vision;
  private final boolean text;

  ModelKind(String id, boolean vision, boolean text) {
    this.id = id;
    this.vision = vision;
    this.text = text;
  }

  public String id() {
    return id;
  }

  public boolean hasVision() {
    return vision;
  }

  public boolean hasText() {
    return text;
  }

  /** An image tower: its encoder calls are batched across requests. */
  public boolean isVisionTower() {
    return this == CLIP_VISION || this == SIGLIP_VISION;
  }

  /** A text tower: its prompt embeddings are cached. */
  public boolean isTextTower() {
    return this == CLIP_TEXT || this == SIGLIP_TEXT;
  }

  /** Scored with a sigmoid over a learned scale and bias, which must be known (SigLIP). */
  public boolean needsLogitBias() {
    return this == SIGLIP || this == SIGLIP_TEXT;
  }

  public static Optional<ModelKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(ModelKind::id).toList().toString();
  }
}
