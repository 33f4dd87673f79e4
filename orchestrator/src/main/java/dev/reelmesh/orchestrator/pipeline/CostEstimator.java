package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.provider.registry.ImageEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderRegistry;
import dev.reelmesh.orchestrator.provider.registry.Role;
import dev.reelmesh.orchestrator.provider.registry.SpeechEntry;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.orchestrator.spec.JobSpecs;
import dev.reelmesh.orchestrator.spec.PlanRequests;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LlmCallOptions;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptResponse;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import io.grpc.Status;
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
    JobSpec spec = JobSpecs.validateAndFill(requested, engine.providers());
    List<String> warnings = new ArrayList<>();
    PlanScriptResponse planned = offlinePlan(engine, spec, warnings::add);
    CostReport bill = media(engine, spec, planned.getPlan(), null).toBuilder()
        .addAllLines(planned.getCostList()).build();
    long total = bill.getLinesList().stream().mapToLong(CostLine::getEstimatedMicros).sum();
    bill = bill.toBuilder().setEstimatedTotalMicros(total).build();
    Budget budget = engine.ledger().budget();
    boolean within = total <= budget.getRemainingMicros()
        && (spec.getBudgetCapMicros() == 0 || total <= spec.getBudgetCapMicros());
    return EstimateCostResponse.newBuilder().setEstimate(bill).setPlan(planned.getPlan())
        .setWithinBudget(within).setBudget(budget).addAllWarnings(warnings).build();
  }

  /**
   * The plan a job would get from the free offline planner: what a dry run prices. {@code warn}
   * hears what could not be planned as the job will.
   */
  static PlanScriptResponse offlinePlan(JobEngine engine, JobSpec spec,
      java.util.function.Consumer<String> warn) {
    var request = PlanRequests.of(spec);
    // A music video is priced with the clips its beats make, as its plan will be cut.
    dev.reelmesh.orchestrator.stage.MusicCut.applyForDryRun(spec, engine.channels().media(),
        request, warn);
    // Cut, as the job's plan is, to the lengths its first usable video model renders.
    request.addAllAllowedClipSeconds(engine.providers().clipSeconds(spec.getProviders()
        .getVideo()).stream().map(Integer::doubleValue).toList());
    // A dry run spends nothing: the plan comes from the offline engine.
    request.setOptions(LlmCallOptions.newBuilder().setEngine("offline"));
    return LlmServiceGrpc.newBlockingStub(engine.channels().llm())
        .withDeadlineAfter(2, TimeUnit.MINUTES).planScript(request.build());
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
    int images = frameCount * spec.getVariations();
    int chars = spec.getNarrationOff() ? 0 : narrationChars;
    ProviderRegistry registry = engine.providers();
    CostReport.Builder bill = CostReport.newBuilder();
    var image = chosen(registry, Role.IMAGE, ImageEntry.class, spec.getProviders().getImage());
    bill.addLines(image.entry().estimate(image.model(), images, frame.width(), frame.height(),
        "all frames"));
    // Each clip is priced at the length its provider renders for it (snapped up to one it
    // offers), at its size for the job's aspect: what the hold before each create holds.
    var video = chosen(registry, Role.VIDEO, VideoEntry.class, spec.getProviders().getVideo());
    String size = video.capabilities().sizes().get(spec.getAspectRatio());
    int width = size == null ? frame.width() : Integer.parseInt(size.substring(0,
        size.indexOf('x')));
    int height = size == null ? frame.height() : Integer.parseInt(size.substring(
        size.indexOf('x') + 1));
    List<CostLine> clips = new ArrayList<>();
    for (double s : seconds) {
      clips.add(video.entry().estimate(video.model(), video.capabilities().snap(s), width,
          height, "all clips"));
    }
    bill.addLines(clips.isEmpty() ? video.entry().estimate(video.model(), 0, width, height,
        "all clips") : sum(clips));
    var speech = chosen(registry, Role.SPEECH, SpeechEntry.class,
        spec.getProviders().getSpeech());
    bill.addLines(speech.entry().estimate(speech.model(), chars, "all narration"));
    return bill.setEstimatedTotalMicros(bill.getLinesList().stream()
        .mapToLong(CostLine::getEstimatedMicros).sum()).build();
  }

  private static <E extends ProviderEntry> ProviderRegistry.Chosen<E> chosen(
      ProviderRegistry registry, Role role, Class<E> type, String choice) {
    return registry.firstUsable(role, type, choice).orElseThrow(() ->
        Status.FAILED_PRECONDITION.withDescription("spec.providers." + role.field() + ": no "
            + "provider of '" + choice + "' is configured for the orchestrator")
            .asRuntimeException());
  }

  /** One line for all clips: the first clip's line with every clip's quantity and price. */
  private static CostLine sum(List<CostLine> lines) {
    return lines.get(0).toBuilder()
        .setQuantity(lines.stream().mapToDouble(CostLine::getQuantity).sum())
        .setEstimatedMicros(lines.stream().mapToLong(CostLine::getEstimatedMicros).sum())
        .build();
  }

  private static double length(PlannedClip clip) {
    return clip.getEndSeconds() - clip.getStartSeconds();
  }

  /**
   * What each clip asks of the video provider: its planned length plus the dissolve into the
   * next one (as the clips stage computes it).
   */
  private static List<Double> clipSeconds(ScenePlan plan) {
    double shortest = plan.getClipsList().stream().mapToDouble(CostEstimator::length).min()
        .orElse(0);
    // A plan cut to the model's lengths has hard cuts (ClipsStage.overlap).
    double overlap = plan.getClipsCount() < 2 || plan.getAllowedClipSecondsCount() > 0 ? 0
        : Math.min(0.5, shortest / 4);
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < plan.getClipsCount(); i++) {
      seconds.add(length(plan.getClips(i)) + (i < plan.getClipsCount() - 1 ? overlap : 0));
    }
    return seconds;
  }

}
