package dev.reelmesh.llm.brief;

import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.llm.engine.Priced;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * With an LLM configured, one call proposes gags for the concepts no table line matched (the
 * labelled-jar defaults). The tables stay authoritative: a matched concept keeps its gag. On
 * failure the defaults stay and the engine report says why.
 */
public final class MetaphorProposer {
  private MetaphorProposer() {}

  /** Only the first {@code limit} concepts can reach the video, so only they are asked about. */
  public static Outcome<List<Concept>> propose(EngineRouter router, List<Concept> concepts, String tone, int limit) {
    List<Concept> open = concepts.stream().limit(limit)
        .filter(c -> c.gagSource().equals(ConceptFinder.DEFAULT_SOURCE)).toList();
    if (open.isEmpty() || !router.useLlm()) {
      return router.offlineOutcome(e -> Priced.free(concepts), dev.reelmesh.llm.engine.EngineReport.offline(), List.of());
    }
    return router.run(engine -> {
      if (engine == router.offline()) {
        return Priced.free(concepts);
      }
      Priced<Map<String, String>> gags = engine.proposeMetaphors(open, tone);
      List<Concept> out = new ArrayList<>();
      for (Concept c : concepts) {
        String gag = gags.value().get(c.name());
        out.add(gag != null && open.contains(c) && c.gagSource().equals(ConceptFinder.DEFAULT_SOURCE) && !gag.isBlank()
            ? c.withGag(gag.strip(), c.seconds(), "llm") : c);
      }
      return new Priced<>(out, gags.costs());
    });
  }
}
