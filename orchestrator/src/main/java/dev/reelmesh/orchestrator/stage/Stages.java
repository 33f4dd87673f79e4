package dev.reelmesh.orchestrator.stage;

import static dev.reelmesh.v1.Stage.STAGE_ASSEMBLE;
import static dev.reelmesh.v1.Stage.STAGE_AUDIO;
import static dev.reelmesh.v1.Stage.STAGE_CLIPS;
import static dev.reelmesh.v1.Stage.STAGE_CLIP_PROMPTS;
import static dev.reelmesh.v1.Stage.STAGE_DELIVER;
import static dev.reelmesh.v1.Stage.STAGE_PLAN;
import static dev.reelmesh.v1.Stage.STAGE_REFERENCES;
import static dev.reelmesh.v1.Stage.STAGE_STORYBOARD;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The stages of a job, in the order a run goes through them, each with its progress band. */
final class Stages {
  static final List<Stage> ALL = List.of(
      step(STAGE_PLAN, 0, 10, PlanStage::run, PlanStage::awaitsApproval),
      step(STAGE_REFERENCES, 10, 20, ReferencesStage::run),
      step(STAGE_STORYBOARD, 20, 40, StoryboardStage::run),
      step(STAGE_CLIP_PROMPTS, 40, 40, ClipPromptsStage::run),
      step(STAGE_CLIPS, 40, 85, ClipsStage::run),
      step(STAGE_AUDIO, 85, 92, ctx -> ctx.narration = AudioStage.run(ctx)),
      step(STAGE_ASSEMBLE, 92, 99, ctx -> ctx.assembled = AssembleStage.run(ctx, ctx.narration)),
      step(STAGE_DELIVER, 99, 100, DeliverStage::run));

  private Stages() {}

  /** The listed stage {@code id}. */
  static Stage of(dev.reelmesh.v1.Stage id) {
    return ALL.stream().filter(s -> s.id() == id).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no stage " + id + " in the list"));
  }

  private static Stage step(dev.reelmesh.v1.Stage id, double from, double to,
      Consumer<JobContext> work) {
    return step(id, from, to, work, ctx -> false);
  }

  private static Stage step(dev.reelmesh.v1.Stage id, double from, double to,
      Consumer<JobContext> work, Predicate<JobContext> gate) {
    Stage.Band band = new Stage.Band(from, to);
    return new Stage() {
      @Override
      public dev.reelmesh.v1.Stage id() {
        return id;
      }

      @Override
      public Band band() {
        return band;
      }

      @Override
      public void run(JobContext ctx) {
        work.accept(ctx);
      }

      @Override
      public boolean waitsAfter(JobContext ctx) {
        return gate.test(ctx);
      }

      @Override
      public String toString() {
        return id.name() + " " + band;
      }
    };
  }
}
