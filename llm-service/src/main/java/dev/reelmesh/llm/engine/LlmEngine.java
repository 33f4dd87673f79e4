package dev.reelmesh.llm.engine;

import dev.reelmesh.llm.brief.Concept;
import dev.reelmesh.llm.chat.ChatTurn;
import dev.reelmesh.llm.chat.TurnAnswer;
import dev.reelmesh.llm.clipprompt.ClipPromptBatch;
import dev.reelmesh.llm.enhance.Critique;
import dev.reelmesh.llm.enhance.EnhanceContext;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanRequest;
import dev.reelmesh.llm.plan.Refinement;
import dev.reelmesh.llm.shot.ShotFragments;
import java.util.List;

/**
 * The text work an engine does. Two implementations: the offline template engine (deterministic,
 * never fails on valid input) and the OpenAI-compatible chat engine (throws {@link EngineFailure}
 * when it cannot give a usable answer; {@link EngineRouter} then falls back and says so).
 */
public interface LlmEngine {
  /** "offline-template" or "openai". */
  String name();

  /** Provider model, empty for the offline engine. */
  String model();

  Priced<Plan> plan(PlanRequest request) throws EngineFailure;

  Priced<Refinement> refine(Plan plan, String instruction) throws EngineFailure;

  /** One prompt per clip of the batch, in clip order; ONE call for all clips. */
  Priced<List<String>> polishClipPrompts(ClipPromptBatch batch) throws EngineFailure;

  Priced<Critique> critique(String prompt, EnhanceContext context) throws EngineFailure;

  Priced<String> rewrite(String prompt, Critique critique, EnhanceContext context) throws EngineFailure;

  /**
   * Sora-style shot prose from sanitised fragments (one call). Only an LLM writes prose; the
   * offline answer is the shot template, which {@code ShotWriter} composes itself.
   */
  /** Visual gags for concepts (name → gag), one call; only an LLM proposes them. */
  default Priced<java.util.Map<String, String>> proposeMetaphors(List<Concept> concepts, String tone)
      throws EngineFailure {
    throw new EngineFailure(name() + " does not propose metaphors; the tables answer", List.of(), null);
  }

  default Priced<String> writeShot(ShotFragments fragments, boolean hasReference) throws EngineFailure {
    throw new EngineFailure(name() + " does not write shot prose; the shot template answers", List.of(), null);
  }

  /** One turn of a tool-using conversation: words, or calls of the offered tools. */
  default Priced<TurnAnswer> chatTurn(ChatTurn turn) throws EngineFailure {
    throw new EngineFailure(name() + " does not chat", List.of(), null);
  }
}
