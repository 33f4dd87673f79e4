package dev.reelmesh.scoring.aesthetic;

import dev.reelmesh.scoring.clip.Embeddings;
import dev.reelmesh.scoring.clip.ImageEmbedder;
import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScorerNames;
import dev.reelmesh.scoring.engine.ScorerUnavailableException;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.model.LoadedModel;
import dev.reelmesh.scoring.model.ModelKind;
import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The LAION aesthetic predictor: an MLP on the L2-normalised CLIP image embedding giving ~1–10,
 * mapped to 0–100 by the head's score_map. The embedding comes from the model the head's manifest
 * names ({@code embedding_model}), else from the serving clip-vision or clip model.
 */
public final class AestheticScorer implements Scorer {
  private final ModelRepository repository;

  public AestheticScorer(ModelRepository repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return ScorerNames.AESTHETIC;
  }

  @Override
  public String unavailableReason() {
    try (var head = repository.lease(ModelKind.AESTHETIC_HEAD).orElse(null)) {
      if (head == null) {
        return "no aesthetic-head model serves in " + repository.root() + " (see models/README.md)";
      }
      try (var source = embedder(head.model()).orElse(null)) {
        return source != null ? null : "aesthetic head " + head.model().label()
            + " needs CLIP image embeddings, but no clip-vision or clip model serves";
      }
    }
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    try (ModelLease head = repository.lease(ModelKind.AESTHETIC_HEAD).orElseThrow(() ->
            new ScorerUnavailableException(unavailableReasonOr("aesthetic head swapped out")));
        ModelLease source = embedder(head.model()).orElseThrow(() ->
            new ScorerUnavailableException(unavailableReasonOr("embedding model swapped out")))) {
      float[][] embeddings = ImageEmbedder.embed(source.model(), input);
      long width = head.model().embeddingWidth();
      if (width != embeddings[0].length) {
        throw new ScorerUnavailableException("aesthetic head " + head.model().label() + " takes "
            + width + "-d embeddings but " + source.model().label() + " gives "
            + embeddings[0].length + "-d (the LAION head needs ViT-L/14, 768-d)");
      }
      float[][] normalised = new float[embeddings.length][];
      for (int i = 0; i < embeddings.length; i++) {
        normalised[i] = Embeddings.l2Normalised(embeddings[i]);
      }
      double[] raw = head.model().head(normalised);
      LoadedModel m = head.model();
      List<ScoreValue> out = new ArrayList<>(raw.length);
      for (double r : raw) {
        out.add(ScoreValue.of(name(), m.manifest().scoreMap().apply(r), r, m.name(), m.version()));
      }
      return out;
    }
  }

  private String unavailableReasonOr(String fallback) {
    String reason = unavailableReason();
    return reason != null ? reason : fallback;
  }

  private Optional<ModelLease> embedder(LoadedModel head) {
    String named = head.manifest().embeddingModel();
    if (named != null) {
      return repository.lease(named);
    }
    return repository.lease(ModelKind.CLIP_VISION).or(() -> repository.lease(ModelKind.CLIP));
  }
}
