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
 * An aesthetic head: an MLP on the L2-normalised image embedding of some embedding model giving
 * ~1–10 (LAION's on CLIP ViT-L/14, aesthetic-predictor v2.5 on SigLIP so400m), mapped to 0–100 by
 * the head's score_map. The embedding comes from the model the head's manifest names
 * ({@code embedding_model}), else from the first serving clip-vision, clip, siglip-vision or
 * siglip model. The head's input width must equal the embedding model's output width (measured
 * when that model loaded); a mismatch fails this scorer, naming both models and widths.
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
        if (source == null) {
          String named = head.model().manifest().embeddingModel();
          return "aesthetic head " + head.model().label() + " needs image embeddings, but "
              + (named != null ? "its embedding_model '" + named + "' does not serve"
                  : "no clip-vision, clip, siglip-vision or siglip model serves");
        }
        // A head that cannot read this model's embeddings is a failure of the request (see
        // score), not a scorer that is merely absent: it is a misconfiguration to fix.
        return null;
      }
    }
  }

  /** Why the head cannot read this model's embeddings, or null when it can. */
  private static String widthProblem(LoadedModel head, LoadedModel source) {
    if (!source.manifest().kind().hasVision()) {
      return "aesthetic head " + head.label() + ": embedding_model " + source.label() + " is a "
          + source.manifest().kind().id() + " model, which makes no image embeddings";
    }
    long width = head.embeddingWidth();
    int given = source.imageEmbeddingWidth();
    if (given > 0 && width != given) {
      return "aesthetic head " + head.label() + " takes " + width + "-d embeddings but "
          + source.label() + " gives " + given + "-d (LAION's head needs CLIP ViT-L/14, 768-d;"
          + " aesthetic v2.5 needs SigLIP so400m, 1152-d)";
    }
    return null;
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    try (ModelLease head = repository.lease(ModelKind.AESTHETIC_HEAD).orElseThrow(() ->
            new ScorerUnavailableException(unavailableReasonOr("aesthetic head swapped out")));
        ModelLease source = embedder(head.model()).orElseThrow(() ->
            new ScorerUnavailableException(unavailableReasonOr("embedding model swapped out")))) {
      String problem = widthProblem(head.model(), source.model());
      if (problem != null) {
        throw new ScorerUnavailableException(problem);
      }
      float[][] embeddings = ImageEmbedder.embed(source.model(), input);
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
    return repository.lease(ModelKind.CLIP_VISION).or(() -> repository.lease(ModelKind.CLIP))
        .or(() -> repository.lease(ModelKind.SIGLIP_VISION))
        .or(() -> repository.lease(ModelKind.SIGLIP));
  }
}
