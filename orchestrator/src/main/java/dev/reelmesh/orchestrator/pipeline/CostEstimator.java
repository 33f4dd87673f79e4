package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.spec.JobSpecs;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.util.concurrent.TimeUnit;

/**
 * EstimateCost: a dry run. The plan comes from the (free) offline planner path of the LLM
 * service, and every later call is priced before anything is spent.
 */
final class CostEstimator {
  private CostEstimator() {}

  static EstimateCostResponse estimate(JobEngine engine, JobSpec requested) {
    JobSpec spec = JobSpecs.validateAndFill(requested);
    PlanScriptResponse planned = LlmServiceGrpc.newBlockingStub(engine.channels().llm())
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .planScript(PlanScriptRequest.newBuilder().setBrief(spec.getBrief())
            .setDurationSeconds(spec.getDurationSeconds()).setAspectRatio(spec.getAspectRatio())
            .setStylePreset(spec.getStylePreset())
            .setProductDescription(spec.getProductDescription())
            .setCharacterConsistency(true).setSeed(spec.getSeed()).build());
    ScenePlan plan = planned.getPlan();
    int frames = plan.getClipsCount() * 2;
    int narrationChars = plan.getClipsList().stream().mapToInt(c -> c.getNarration().length())
        .sum();
    CostReport.Builder bill = CostReport.newBuilder()
        .addAllLines(planned.getCostList())
        .addLines(line("storyboard", spec.getProviders().getImage(), "images",
            frames * (double) spec.getVariations(), "images"))
        .addLines(line("clips", spec.getProviders().getVideo(), "video seconds",
            plan.getClipsList().stream().mapToDouble(CostEstimator::length).sum(),
            "video_seconds"))
        .addLines(line("audio", spec.getProviders().getSpeech(), "narration characters",
            spec.getNarrationOff() ? 0 : narrationChars, "characters"));
    long total = bill.getLinesList().stream().mapToLong(CostLine::getEstimatedMicros).sum();
    bill.setEstimatedTotalMicros(total);
    Budget budget = engine.ledger().budget();
    boolean within = total <= budget.getRemainingMicros()
        && (spec.getBudgetCapMicros() == 0 || total <= spec.getBudgetCapMicros());
    return EstimateCostResponse.newBuilder().setEstimate(bill).setPlan(plan)
        .setWithinBudget(within).setBudget(budget).build();
  }

  private static double length(PlannedClip clip) {
    return clip.getEndSeconds() - clip.getStartSeconds();
  }

  /** The built-in engines are free; paid providers are refused by spec validation until wired. */
  private static CostLine line(String stage, String provider, String item, double quantity,
      String unit) {
    return CostLine.newBuilder().setStage(stage).setProvider(provider).setItem(provider + " "
        + item).setQuantity(quantity).setUnit(unit).setEstimatedMicros(0).build();
  }
}
