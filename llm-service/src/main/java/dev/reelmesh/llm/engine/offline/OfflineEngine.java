package dev.reelmesh.llm.engine.offline;

import dev.reelmesh.llm.chat.ChatTurn;
import dev.reelmesh.llm.chat.OfflineChat;
import dev.reelmesh.llm.chat.TurnAnswer;
import dev.reelmesh.llm.clipprompt.ClipPromptBatch;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.Priced;
import dev.reelmesh.llm.enhance.Critique;
import dev.reelmesh.llm.enhance.EnhanceContext;
import dev.reelmesh.llm.enhance.RubricCritic;
import dev.reelmesh.llm.enhance.TemplateWriter;
import dev.reelmesh.llm.plan.OfflinePlanner;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanRequest;
import dev.reelmesh.llm.plan.Refinement;
import dev.reelmesh.llm.plan.OfflineRefiner;
import java.util.List;

/** The deterministic template engine: no network, no cost, same request → same answer. */
public final class OfflineEngine implements LlmEngine {
  private final OfflinePlanner planner = new OfflinePlanner();
  private final OfflineRefiner refiner = new OfflineRefiner();
  private final RubricCritic critic = new RubricCritic();
  private final TemplateWriter writer = new TemplateWriter();
  private final OfflineChat chat = new OfflineChat();

  @Override
  public String name() {
    return EngineReport.OFFLINE;
  }

  @Override
  public String model() {
    return "";
  }

  @Override
  public Priced<Plan> plan(PlanRequest request) {
    return Priced.free(planner.plan(request));
  }

  @Override
  public Priced<Refinement> refine(Plan plan, String instruction) {
    return Priced.free(refiner.refine(plan, instruction));
  }

  /** The templates are already the offline engine's best prompts. */
  @Override
  public Priced<List<String>> polishClipPrompts(ClipPromptBatch batch) {
    return Priced.free(batch.clips().stream().map(ClipPromptBatch.Entry::basePrompt).toList());
  }

  @Override
  public Priced<Critique> critique(String prompt, EnhanceContext context) {
    return Priced.free(critic.critique(prompt, context));
  }

  @Override
  public Priced<String> rewrite(String prompt, Critique critique, EnhanceContext context) {
    return Priced.free(writer.rewrite(prompt, critique, context));
  }

  @Override
  public Priced<TurnAnswer> chatTurn(ChatTurn turn) {
    return Priced.free(chat.answer(turn));
  }
}
