package dev.reelmesh.scoring.model;

/**
 * Image preprocessing a vision model expects. CLIP's: bicubic resize of the short side to 224,
 * centre crop 224, RGB scaled to 0–1, then (x − mean) / std per channel. SigLIP's (Hugging Face
 * SiglipImageProcessor): bilinear resize of the whole image to 224 × 224 (aspect not kept, no
 * crop), then mean = std = 0.5.
 */
public record Preprocess(int size, String resize, String crop, double[] mean, double[] std) {
  public static final double[] CLIP_MEAN = {0.48145466, 0.4578275, 0.40821073};
  public static final double[] CLIP_STD = {0.26862954, 0.26130258, 0.27577711};
  public static final Preprocess CLIP = new Preprocess(224, "bicubic", "center", CLIP_MEAN, CLIP_STD);
  public static final double[] HALF = {0.5, 0.5, 0.5};
  public static final Preprocess SIGLIP = new Preprocess(224, "bilinear", "none", HALF, HALF);

  /** Resize the whole image to size × size instead of the short side, then crop. */
  public boolean squashes() {
    return crop.equals("none");
  }
}
