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
    PlanScriptResponse planned = offlinePlan(engine, spec);
    CostReport bill = media(engine, spec, planned.getPlan(), null).toBuilder()
        .addAllLines(planned.getCostList()).build();
    long total = bill.getLinesList().stream().mapToLong(CostLine::getEstimatedMicros).sum();
    bill = bill.toBuilder().setEstimatedTotalMicros(total).build();
    Budget budget = engine.ledger().budget();
    boolean within = total <= budget.getRemainingMicros()
        && (spec.getBudgetCapMicros() == 0 || total <= spec.getBudgetCapMicros());
    return EstimateCostResponse.newBuilder().setEstimate(bill).setPlan(planned.getPlan())
        .setWithinBudget(within).setBudget(budget).build();
  }

  /** The plan a job would get from the free offline planner: what a dry run prices. */
  static PlanScriptResponse offlinePlan(JobEngine engine, JobSpec spec) {
    return LlmServiceGrpc.newBlockingStub(engine.channels().llm())
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .planScript(PlanScriptRequest.newBuilder().setBrief(spec.getBrief())
            .setDurationSeconds(spec.getDurationSeconds()).setAspectRatio(spec.getAspectRatio())
            .setStylePreset(spec.getStylePreset())
            .setProductDescription(spec.getProductDescription())
            .setCharacterConsistency(true).setSeed(spec.getSeed())
            // A dry run spends nothing: the plan comes from the offline engine.
            .setOptions(LlmCallOptions.newBuilder().setEngine("offline")).build());
  }

  /**
   * Which clips a run redoes: their frames, their renders, their narration lines. Null in
   * {@link #media} means the whole plan.
   */
  record Selection(java.util.Set<Integer> frames, java.util.Set<Integer> renders,
      java.util.Set<Integer> narration) {}

  /** The storyboard, clips and audio of {@code plan} (or the selected clips), priced. */
  static CostReport media(JobEngine engine, JobSpec spec, ScenePlan plan, Selection only) {
    java.util.function.IntPredicate frames = i -> only == null || only.frames().contains(i);
    java.util.function.IntPredicate renders = i -> only == null || only.renders().contains(i);
    java.util.function.IntPredicate speaks = i -> only == null || only.narration().contains(i);
    int frameCount = (int) java.util.stream.IntStream.range(0, plan.getClipsCount())
        .filter(frames).count() * 2;
    int narrationChars = java.util.stream.IntStream.range(0, plan.getClipsCount())
        .filter(speaks).map(i -> plan.getClips(i).getNarration().length()).sum();
    List<Double> allSeconds = clipSeconds(plan);
    List<Double> seconds = java.util.stream.IntStream.range(0, plan.getClipsCount())
        .filter(renders).mapToObj(allSeconds::get).toList();
    FrameSize frame = FrameSize.of(spec.getAspectRatio(), spec.getQualityTier());
    OpenAiEstimates openai = engine.openAi().map(OpenAiEstimates::new).orElse(null);
    int images = frameCount * spec.getVariations();
    int chars = spec.getNarrationOff() ? 0 : narrationChars;
    CostReport.Builder bill = CostReport.newBuilder();
    if (isOpenAi(spec.getProviders().getImage(), openai)) {
      bill.addLines(priced("storyboard", openai.imageItem(frame), images, "images",
          openai.images(images, frame)));
    } else {
      bill.addLines(line("storyboard", spec.getProviders().getImage(), "images", images,
          "images"));
    }
    if (isOpenAi(spec.getProviders().getVideo(), openai)) {
      int billed = openai.billedSeconds(seconds);
      bill.addLines(priced("clips", openai.videoItem(frame), billed, "video_seconds",
          openai.videoSeconds(billed, frame)));
    } else if ("replicate".equals(spec.getProviders().getVideo())
        && engine.replicate().isPresent()) {
      // Each clip is held (and billed) for its length rounded up to whole seconds.
      int whole = seconds.stream().mapToInt(s -> (int) Math.ceil(s - 1e-9)).sum();
      bill.addLines(ReplicateEstimates.clips(engine.replicate().get(), whole));
    } else {
      bill.addLines(line("clips", spec.getProviders().getVideo(), "video seconds",
          seconds.stream().mapToDouble(Double::doubleValue).sum(), "video_seconds"));
    }
    if (isOpenAi(spec.getProviders().getSpeech(), openai)) {
      bill.addLines(priced("audio", openai.speechItem(), chars, "characters",
          openai.speechChars(chars)));
    } else {
      bill.addLines(line("audio", spec.getProviders().getSpeech(), "narration characters",
          chars, "characters"));
    }
    return bill.setEstimatedTotalMicros(bill.getLinesList().stream()
        .mapToLong(CostLine::getEstimatedMicros).sum()).build();
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
