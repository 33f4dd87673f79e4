package dev.reelmesh.scoring.clip;

import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScorerNames;
import dev.reelmesh.scoring.engine.ScorerUnavailableException;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.model.LoadedModel;
import dev.reelmesh.scoring.model.ModelKind;
import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import dev.reelmesh.scoring.model.SigmoidLogits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well an image matches the prompt, from a joint model of a family or else its image + text
 * tower pair (whose text embeddings are cached per prompt):
 * <ul>
 *   <li>{@code clip}: 100 × max(cos(image, text), 0), raw = cos;
 *   <li>{@code siglip}: 100 × sigmoid(scale × cos + bias), raw = that logit; scale and bias are
 *       the joint model's, or the text tower's for a pair.
 * </ul>
 */
public final class TextImageScorer implements Scorer {
  /** Turns a cosine into a score; {@code scoring} is the model whose scale/bias apply. */
  interface Rule {
    ScoreValue score(String scorer, double cos, LoadedModel scoring, String model, long version);
  }

  private final ModelRepository repository;
  private final String name;
  private final ModelKind joint;
  private final ModelKind vision;
  private final ModelKind text;
  private final Rule rule;

  private TextImageScorer(ModelRepository repository, String name, ModelKind joint,
      ModelKind vision, ModelKind text, Rule rule) {
    this.repository = repository;
    this.name = name;
    this.joint = joint;
    this.vision = vision;
    this.text = text;
    this.rule = rule;
  }

  public static TextImageScorer clip(ModelRepository repository) {
    return new TextImageScorer(repository, ScorerNames.CLIP, ModelKind.CLIP, ModelKind.CLIP_VISION,
        ModelKind.CLIP_TEXT, (scorer, cos, m, model, version) ->
            ScoreValue.of(scorer, 100 * Math.max(cos, 0), cos, model, version));
  }

  public static TextImageScorer siglip(ModelRepository repository) {
    return new TextImageScorer(repository, ScorerNames.SIGLIP, ModelKind.SIGLIP,
        ModelKind.SIGLIP_VISION, ModelKind.SIGLIP_TEXT, (scorer, cos, m, model, version) -> {
          SigmoidLogits logits = m.logits();
          return ScoreValue.of(scorer, 100 * logits.probability(cos), logits.logit(cos), model,
              version);
        });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String unavailableReason() {
    try (var j = repository.lease(joint).orElse(null);
        var v = repository.lease(vision).orElse(null);
        var t = repository.lease(text).orElse(null)) {
      if (j != null || (v != null && t != null)) {
        return null;
      }
      return "no " + name + " model serves in " + repository.root() + " (install a '" + joint.id()
          + "' model or a '" + vision.id() + "' + '" + text.id() + "' pair; see models/README.md)";
    }
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    Optional<ModelLease> jointLease = repository.lease(joint);
    if (jointLease.isPresent()) {
      try (ModelLease lease = jointLease.get()) {
        LoadedModel m = lease.model();
        LoadedModel.JointEmbeddings e = m.joint(ImageEmbedder.pixels(m, input.images()),
            input.prompt());
        return scores(e.images(), e.text(), m, m.name(), m.version());
      }
    }
    try (ModelLease v = repository.lease(vision).orElseThrow(this::missing);
        ModelLease t = repository.lease(text).orElseThrow(this::missing)) {
      float[] textEmbedding = t.model().textEmbedding(input.prompt());
      float[][] imageEmbeddings = ImageEmbedder.embed(v.model(), input);
      if (imageEmbeddings[0].length != textEmbedding.length) {
        throw new ScorerUnavailableException(vision.id() + " " + v.model().label() + " gives "
            + imageEmbeddings[0].length + "-d embeddings but " + text.id() + " "
            + t.model().label() + " gives " + textEmbedding.length + "-d; install a matching pair");
      }
      // The pair is named by both halves; the version is the image tower's.
      String model = v.model().label() + "+" + t.model().label();
      return scores(imageEmbeddings, textEmbedding, t.model(), model, v.model().version());
    }
  }

  private ScorerUnavailableException missing() {
    String reason = unavailableReason();
    return new ScorerUnavailableException(reason == null
        ? name + " model was swapped out during the request" : reason);
  }

  private List<ScoreValue> scores(float[][] images, float[] textEmbedding, LoadedModel scoring,
      String model, long version) {
    List<ScoreValue> out = new ArrayList<>(images.length);
    for (float[] image : images) {
      out.add(rule.score(name, Embeddings.cosine(image, textEmbedding), scoring, model, version));
    }
    return out;
  }
}
