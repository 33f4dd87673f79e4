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
  /** LAION aesthetic MLP on the L2-normalised CLIP image embedding → ~1–10. */
  AESTHETIC_HEAD("aesthetic-head", false, false),
  /** PickScore: a joint CLIP-H export scored as logit_scale × cosine. */
  PICKSCORE("pickscore", true, true);

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

  public static Optional<ModelKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(ModelKind::id).toList().toString();
  }
}
