package dev.reelmesh.llm.enhance;

import dev.reelmesh.llm.engine.Cost;
import dev.reelmesh.llm.engine.EngineFailure;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.Priced;
import java.util.ArrayList;
import java.util.List;

/**
 * Writer/critic loop: score the prompt; while below target and rounds remain, rewrite from the
 * critique and score again. Stops at "target_reached", "max_rounds", or "no_improvement" (a round
 * that did not beat the best score). Answers the best-scoring prompt seen.
 */
public final class EnhanceLoop {
  private EnhanceLoop() {}

  public static Priced<EnhanceResult> run(LlmEngine engine, EnhanceRequest request) throws EngineFailure {
    List<Cost> costs = new ArrayList<>();
    List<EnhanceResult.Round> rounds = new ArrayList<>();
    try {
      Critique original = take(engine.critique(request.prompt(), request.context()), costs);
      Critique best = original;
      String bestPrompt = request.prompt();
      if (best.score() >= request.targetScore()) {
        return new Priced<>(new EnhanceResult(bestPrompt, rounds, best.score(), "target_reached", original), costs);
      }
      Critique current = best;
      String currentPrompt = bestPrompt;
      for (int round = 1; round <= request.maxRounds(); round++) {
        String rewritten = take(engine.rewrite(currentPrompt, current, request.context()), costs);
        Critique verdict = take(engine.critique(rewritten, request.context()), costs);
        rounds.add(new EnhanceResult.Round(round, rewritten, verdict.score(), verdict.text()));
        if (verdict.score() > best.score()) {
          best = verdict;
          bestPrompt = rewritten;
        } else {
          return new Priced<>(new EnhanceResult(bestPrompt, rounds, best.score(), "no_improvement", original), costs);
        }
        if (verdict.score() >= request.targetScore()) {
          return new Priced<>(new EnhanceResult(bestPrompt, rounds, best.score(), "target_reached", original), costs);
        }
        current = verdict;
        currentPrompt = rewritten;
      }
      return new Priced<>(new EnhanceResult(bestPrompt, rounds, best.score(), "max_rounds", original), costs);
    } catch (EngineFailure e) {
      List<Cost> spent = new ArrayList<>(costs);
      spent.addAll(e.costs());
      throw new EngineFailure(e.getMessage(), spent, e);
    }
  }

  private static <T> T take(Priced<T> priced, List<Cost> costs) {
    costs.addAll(priced.costs());
    return priced.value();
  }
}
