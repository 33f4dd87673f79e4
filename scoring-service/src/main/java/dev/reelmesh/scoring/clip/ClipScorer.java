package dev.reelmesh.scoring.clip;

import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScorerNames;
import dev.reelmesh.scoring.engine.ScorerUnavailableException;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.LoadedModel;
import dev.reelmesh.scoring.model.ModelKind;
import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CLIP score = 100 × max(cos(image, text), 0), from a joint {@code clip} model or else a
 * {@code clip-vision} + {@code clip-text} pair (whose text embeddings are cached per prompt).
 */
public final class ClipScorer implements Scorer {
  private final ModelRepository repository;

  public ClipScorer(ModelRepository repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return ScorerNames.CLIP;
  }

  @Override
  public String unavailableReason() {
    try (var joint = repository.lease(ModelKind.CLIP).orElse(null);
        var vision = repository.lease(ModelKind.CLIP_VISION).orElse(null);
        var text = repository.lease(ModelKind.CLIP_TEXT).orElse(null)) {
      if (joint != null || (vision != null && text != null)) {
        return null;
      }
      return "no clip model serves in " + repository.root() + " (install a 'clip' model or a "
          + "'clip-vision' + 'clip-text' pair; see models/README.md)";
    }
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    List<RgbImage> images = input.images();
    String prompt = input.prompt();
    Optional<ModelLease> joint = repository.lease(ModelKind.CLIP);
    if (joint.isPresent()) {
      try (ModelLease lease = joint.get()) {
        LoadedModel m = lease.model();
        LoadedModel.JointEmbeddings e = m.joint(ImageEmbedder.pixels(m, images), prompt);
        return scores(e.images(), e.text(), m.name(), m.version());
      }
    }
    try (ModelLease vision = repository.lease(ModelKind.CLIP_VISION).orElseThrow(this::missing);
        ModelLease text = repository.lease(ModelKind.CLIP_TEXT).orElseThrow(this::missing)) {
      float[] textEmbedding = text.model().textEmbedding(prompt);
      float[][] imageEmbeddings = ImageEmbedder.embed(vision.model(), input);
      if (imageEmbeddings[0].length != textEmbedding.length) {
        throw new ScorerUnavailableException("clip-vision " + vision.model().label() + " gives "
            + imageEmbeddings[0].length + "-d embeddings but clip-text " + text.model().label()
            + " gives " + textEmbedding.length + "-d; install a matching pair");
      }
      // The pair is named by both halves; the version is the image tower's.
      String model = vision.model().label() + "+" + text.model().label();
      return scores(imageEmbeddings, textEmbedding, model, vision.model().version());
    }
  }

  private ScorerUnavailableException missing() {
    return new ScorerUnavailableException(unavailableReason() == null
        ? "clip model was swapped out during the request" : unavailableReason());
  }

  private List<ScoreValue> scores(float[][] images, float[] text, String model, long version) {
    List<ScoreValue> out = new ArrayList<>(images.length);
    for (float[] image : images) {
      double cos = Embeddings.cosine(image, text);
      out.add(ScoreValue.of(name(), 100 * Math.max(cos, 0), cos, model, version));
    }
    return out;
  }
}
