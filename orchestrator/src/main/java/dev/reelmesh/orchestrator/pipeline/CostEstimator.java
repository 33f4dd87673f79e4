package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.provider.openai.OpenAiEstimates;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateEstimates;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.orchestrator.spec.JobSpecs;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LlmCallOptions;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * EstimateCost: a dry run. The plan comes from the (free) offline planner path of the LLM
 * service, and every later call is priced before anything is spent.
 */
final class CostEstimator {
  private CostEstimator() {}

  static EstimateCostResponse estimate(JobEngine engine, JobSpec requested) {
    JobSpec spec = JobSpecs.validateAndFill(requested, engine.paidProviders());
    PlanScriptResponse planned = LlmServiceGrpc.newBlockingStub(engine.channels().llm())
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .planScript(PlanScriptRequest.newBuilder().setBrief(spec.getBrief())
            .setDurationSeconds(spec.getDurationSeconds()).setAspectRatio(spec.getAspectRatio())
            .setStylePreset(spec.getStylePreset())
            .setProductDescription(spec.getProductDescription())
            .setCharacterConsistency(true).setSeed(spec.getSeed())
            // A dry run spends nothing: the plan comes from the offline engine.
            .setOptions(LlmCallOptions.newBuilder().setEngine("offline")).build());
    ScenePlan plan = planned.getPlan();
    int frames = plan.getClipsCount() * 2;
    int narrationChars = plan.getClipsList().stream().mapToInt(c -> c.getNarration().length())
        .sum();
    FrameSize frame = FrameSize.of(spec.getAspectRatio(), spec.getQualityTier());
    OpenAiEstimates openai = engine.openAi().map(OpenAiEstimates::new).orElse(null);
    int images = frames * spec.getVariations();
    int chars = spec.getNarrationOff() ? 0 : narrationChars;
    CostReport.Builder bill = CostReport.newBuilder().addAllLines(planned.getCostList());
    if (isOpenAi(spec.getProviders().getImage(), openai)) {
      bill.addLines(priced("storyboard", openai.imageItem(frame), images, "images",
          openai.images(images, frame)));
    } else {
      bill.addLines(line("storyboard", spec.getProviders().getImage(), "images", images,
          "images"));
    }
    if (isOpenAi(spec.getProviders().getVideo(), openai)) {
      int seconds = openai.billedSeconds(clipSeconds(plan));
      bill.addLines(priced("clips", openai.videoItem(frame), seconds, "video_seconds",
          openai.videoSeconds(seconds, frame)));
    } else if ("replicate".equals(spec.getProviders().getVideo())
        && engine.replicate().isPresent()) {
      // Each clip is held (and billed) for its length rounded up to whole seconds.
      int seconds = clipSeconds(plan).stream().mapToInt(s -> (int) Math.ceil(s - 1e-9)).sum();
      bill.addLines(ReplicateEstimates.clips(engine.replicate().get(), seconds));
    } else {
      bill.addLines(line("clips", spec.getProviders().getVideo(), "video seconds",
          plan.getClipsList().stream().mapToDouble(CostEstimator::length).sum(),
          "video_seconds"));
    }
    if (isOpenAi(spec.getProviders().getSpeech(), openai)) {
      bill.addLines(priced("audio", openai.speechItem(), chars, "characters",
          openai.speechChars(chars)));
    } else {
      bill.addLines(line("audio", spec.getProviders().getSpeech(), "narration characters",
          chars, "characters"));
    }
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

  private static boolean isOpenAi(String provider, OpenAiEstimates openai) {
    return "openai".equals(provider) && openai != null;
  }

  /**
   * What each clip asks of the video provider: its planned length plus the dissolve into the
   * next one (as the clips stage computes it).
   */
  private static List<Double> clipSeconds(ScenePlan plan) {
    double shortest = plan.getClipsList().stream().mapToDouble(CostEstimator::length).min()
        .orElse(0);
    double overlap = plan.getClipsCount() < 2 ? 0 : Math.min(0.5, shortest / 4);
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < plan.getClipsCount(); i++) {
      seconds.add(length(plan.getClips(i)) + (i < plan.getClipsCount() - 1 ? overlap : 0));
    }
    return seconds;
  }

  private static CostLine priced(String stage, String item, double quantity, String unit,
      long micros) {
    return CostLine.newBuilder().setStage(stage).setProvider("openai").setItem(item)
        .setQuantity(quantity).setUnit(unit).setEstimatedMicros(micros).build();
  }

  /** The built-in engines are free. */
  private static CostLine line(String stage, String provider, String item, double quantity,
      String unit) {
    return CostLine.newBuilder().setStage(stage).setProvider(provider).setItem(provider + " "
        + item).setQuantity(quantity).setUnit(unit).setEstimatedMicros(0).build();
  }
}
