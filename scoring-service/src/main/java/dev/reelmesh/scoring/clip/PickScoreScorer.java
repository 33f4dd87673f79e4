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

/**
 * PickScore = logit_scale × cos(image, text) (raw); the 0–100 value maps it through the
 * manifest's score_map; preference is the softmax of the raw scores across the request's images.
 */
public final class PickScoreScorer implements Scorer {
  private final ModelRepository repository;

  public PickScoreScorer(ModelRepository repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return ScorerNames.PICKSCORE;
  }

  @Override
  public String unavailableReason() {
    try (var lease = repository.lease(ModelKind.PICKSCORE).orElse(null)) {
      return lease != null ? null : "no pickscore model serves in " + repository.root()
          + " (see models/README.md)";
    }
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    List<RgbImage> images = input.images();
    String prompt = input.prompt();
    try (ModelLease lease = repository.lease(ModelKind.PICKSCORE).orElseThrow(() ->
        new ScorerUnavailableException("no pickscore model serves in " + repository.root()))) {
      LoadedModel m = lease.model();
      LoadedModel.JointEmbeddings e = m.joint(ImageEmbedder.pixels(m, images), prompt);
      double scale = m.manifest().logitScale();
      double[] raw = new double[images.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = scale * Embeddings.cosine(e.images()[i], e.text());
      }
      double[] preference = Embeddings.softmax(raw);
      List<ScoreValue> out = new ArrayList<>(raw.length);
      for (int i = 0; i < raw.length; i++) {
        out.add(new ScoreValue(name(), m.manifest().scoreMap().apply(raw[i]), raw[i], m.name(),
            m.version(), preference[i]));
      }
      return out;
    }
  }
}
