package dev.reelmesh.scoring;

import dev.reelmesh.scoring.aesthetic.AestheticScorer;
import dev.reelmesh.scoring.clip.PickScoreScorer;
import dev.reelmesh.scoring.clip.TextImageScorer;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.model.ModelRepository;
import java.util.List;

/** The scorers backed by models in the repository. */
final class ModelScorers {
  private ModelScorers() {}

  static List<Scorer> create(ModelRepository repository) {
    return List.of(TextImageScorer.clip(repository), TextImageScorer.siglip(repository),
        new PickScoreScorer(repository),
        new AestheticScorer(repository));
  }
}
