package dev.reelmesh.scoring.clip;

import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.LoadedModel;
import dev.reelmesh.scoring.model.ModelKind;
import java.util.List;

/** Image embeddings from a vision-capable model (an image tower or a joint model). */
public final class ImageEmbedder {
  private ImageEmbedder() {}

  public static List<float[]> pixels(LoadedModel model, List<RgbImage> images) {
    return images.stream()
        .map(i -> ClipPreprocessor.preprocess(i, model.manifest().preprocess())).toList();
  }

  /**
   * Image embeddings of the request's images, computed once per model version per request. The
   * prompt only feeds joint models, whose image embeddings do not depend on it.
   */
  public static float[][] embed(LoadedModel model, ScoringInput input) {
    return input.memo(model, k -> {
      List<float[]> pixels = pixels(model, input.images());
      if (model.manifest().kind().isVisionTower()) {
        return model.imageEmbeddings(pixels);
      }
      return model.joint(pixels, input.prompt()).images();
    });
  }
}
