package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.llm.clipprompt.ClipPromptGenerator;
import dev.reelmesh.llm.clipprompt.ClipPromptSet;
import dev.reelmesh.llm.clipprompt.Reference;
import dev.reelmesh.llm.clipprompt.ReferenceMapper;
import dev.reelmesh.llm.engine.CallOptions;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.llm.enhance.EnhanceContext;
import dev.reelmesh.llm.enhance.EnhanceLoop;
import dev.reelmesh.llm.enhance.EnhanceRequest;
import dev.reelmesh.llm.enhance.EnhanceResult;
import dev.reelmesh.llm.plan.ClipLengths;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanInvariants;
import dev.reelmesh.llm.plan.PlanRequest;
import dev.reelmesh.llm.plan.Refinement;
import dev.reelmesh.llm.shot.ShotChecks;
import dev.reelmesh.llm.shot.ShotFragments;
import dev.reelmesh.llm.shot.ShotPrompt;
import dev.reelmesh.llm.shot.ShotWriter;
import dev.reelmesh.v1.*;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gRPC edge of reelmesh.v1.LlmService: converts messages to records, runs the work on the
 * service's bounded worker pool (LLM calls block for seconds; transport threads must not), and
 * converts the answer back. Errors map to statuses in one place ({@link Statuses}).
 */
final class LlmGrpcService extends LlmServiceGrpc.LlmServiceImplBase {
  private final EngineRouter router;
  private final ClipPromptGenerator clipPrompts;
  private final ShotWriter shots;
  private final RepositoryBriefs briefs;
  private final BlockingCalls workers;

  LlmGrpcService(EngineRouter router, RepositoryBriefs briefs, BlockingCalls workers) {
    this.router = router;
    this.clipPrompts = new ClipPromptGenerator(router);
    this.shots = new ShotWriter(router);
    this.briefs = briefs;
    this.workers = workers;
  }

  @Override
  public void planScript(PlanScriptRequest r, StreamObserver<PlanScriptResponse> out) {
    run(out, r.getOptions(), () -> {
      long t0 = System.nanoTime();
      PlanRequest request = PlanProtos.withMusic(PlanRequest.validated(r.getBrief(), r.getDurationSeconds(),
          PlanProtos.aspect(r.getAspectRatio(), "aspect_ratio"), r.getStylePreset(),
          r.getProductDescription(), r.getCharacterConsistency(), r.getSeed(),
          r.getPreferredClipSeconds(), PlanProtos.family(r.getTargetModel(), "target_model")), r)
          .withClipLengths(ClipLengths.validated(r.getAllowedClipSecondsList(), "allowed_clip_seconds"));
      Outcome<Plan> o = router.run(engine -> engine.plan(request));
      return PlanScriptResponse.newBuilder().setPlan(PlanProtos.plan(o.value()))
          .setEngine(EngineProtos.info(o.engine(), t0)).addAllCost(EngineProtos.costs(o.costs())).build();
    });
  }

  @Override
  public void refineScript(RefineScriptRequest r, StreamObserver<RefineScriptResponse> out) {
    run(out, r.getOptions(), () -> {
      long t0 = System.nanoTime();
      Plan plan = checkedPlan(r.hasPlan(), r.getPlan());
      String instruction = r.getInstruction();
      if (instruction.isBlank()) {
        throw invalid("instruction", "must say what to change, e.g. 'make clip 3 a close-up'");
      }
      if (instruction.length() > 2_000) {
        throw invalid("instruction", "must be at most 2,000 characters, got " + instruction.length());
      }
      Outcome<Refinement> o = router.run(engine -> engine.refine(plan, instruction.strip()));
      return RefineScriptResponse.newBuilder().setPlan(PlanProtos.plan(o.value().plan()))
          .addAllChanges(o.value().changes()).setEngine(EngineProtos.info(o.engine(), t0))
          .addAllCost(EngineProtos.costs(o.costs())).build();
    });
  }

  @Override
  public void enhancePrompt(EnhancePromptRequest r, StreamObserver<EnhancePromptResponse> out) {
    run(out, r.getOptions(), () -> {
      long t0 = System.nanoTime();
      EnhanceContext context = new EnhanceContext(r.hasStyle() ? PlanProtos.style(r.getStyle()) : null,
          r.getHasReference(), r.getFrameRole().strip());
      EnhanceRequest request = EnhanceRequest.validated(r.getPrompt(), context, r.getMaxRounds(), r.getTargetScore());
      Outcome<EnhanceResult> o = router.run(engine -> EnhanceLoop.run(engine, request));
      return EnhanceProtos.response(request, o, t0);
    });
  }

  @Override
  public void generateClipPrompts(GenerateClipPromptsRequest r, StreamObserver<GenerateClipPromptsResponse> out) {
    run(out, r.getOptions(), () -> {
      long t0 = System.nanoTime();
      Plan plan = checkedPlan(r.hasPlan(), r.getPlan());
      List<Reference> refs = ClipPromptProtos.references(r.getReferencesList());
      ReferenceMapper.check(plan, refs);
      Outcome<ClipPromptSet> o = clipPrompts.generate(plan, refs,
          PlanProtos.family(r.getTargetModel(), "target_model"), r.getTemplatesOnly());
      return GenerateClipPromptsResponse.newBuilder().setPrompts(ClipPromptProtos.prompts(o.value()))
          .setEngine(EngineProtos.info(o.engine(), t0)).addAllCost(EngineProtos.costs(o.costs())).build();
    });
  }

  @Override
  public void assembleShotPrompt(AssembleShotPromptRequest r, StreamObserver<AssembleShotPromptResponse> out) {
    run(out, r.getOptions(), () -> {
      long t0 = System.nanoTime();
      if (!r.hasFragments()) {
        throw invalid("fragments", "required: subject, action, setting, camera_move, lighting, mood");
      }
      dev.reelmesh.v1.ShotFragments f = r.getFragments();
      Outcome<ShotPrompt> o = shots.write(new ShotFragments(f.getSubject(), f.getAction(),
          f.getSetting(), f.getProductUse(), f.getCameraMove(), f.getLighting(), f.getMood()),
          r.getHasReferenceImage());
      ShotPrompt shot = o.value();
      if (!shot.allPassed()) {
        throw invalid("fragments", "the shot cannot pass its checks even after repair: "
            + ShotChecks.failed(shot.checks()) + "; shorten or reword the fragments");
      }
      AssembleShotPromptResponse.Builder b = AssembleShotPromptResponse.newBuilder()
          .setPrompt(shot.prompt()).setWordCount(shot.wordCount()).setSentenceCount(shot.sentenceCount())
          .setCameraMove(shot.cameraMove()).addAllSanitizationNotes(shot.sanitizationNotes())
          .setAssembly(shot.assembly()).addAllRepairNotes(shot.repairs())
          .setEngine(EngineProtos.info(o.engine(), t0)).addAllCost(EngineProtos.costs(o.costs()));
      shot.checks().forEach(c -> b.addChecks(ConstraintCheck.newBuilder().setName(c.name())
          .setPassed(c.passed()).setDetail(c.detail())));
      return b.build();
    });
  }

  @Override
  public void draftRepositoryBrief(DraftRepositoryBriefRequest r, StreamObserver<DraftRepositoryBriefResponse> out) {
    run(out, r.getOptions(), () -> briefs.draft(r));
  }

  @Override
  public void chatTurn(ChatTurnRequest r, StreamObserver<ChatTurnResponse> out) {
    run(out, r.getOptions(), () -> {
      long t0 = System.nanoTime();
      dev.reelmesh.llm.chat.ChatTurn turn = ChatTurnProtos.turn(r);
      return ChatTurnProtos.response(router.run(engine -> engine.chatTurn(turn)), t0);
    });
  }

  private static Plan checkedPlan(boolean present, ScenePlan proto) {
    if (!present) {
      throw invalid("plan", "required; pass the ScenePlan from PlanScript");
    }
    Plan plan = PlanProtos.plan(proto, "plan");
    PlanInvariants.check(plan, "plan");
    return plan;
  }

  /**
   * Like {@link #run(StreamObserver, Supplier)}, with the caller's engine choice and spend cap
   * in the Context of the work (validated first: a bad option is INVALID_ARGUMENT).
   */
  private <T> void run(StreamObserver<T> out, LlmCallOptions options, Supplier<T> work) {
    CallOptions parsed;
    try {
      parsed = CallOptions.from(options);
    } catch (RuntimeException e) {
      out.onError(Statuses.toException(e));
      return;
    }
    Context previous = parsed.attachTo(Context.current()).attach();
    try {
      run(out, work); // Context.wrap inside carries the options onto the worker thread
    } finally {
      Context.current().detach(previous);
    }
  }

  /**
   * Runs {@code work} on the worker pool in the caller's Context (deadline, cancellation, call
   * options) and answers its value or its mapped status; a full pool is RESOURCE_EXHAUSTED.
   */
  private <T> void run(StreamObserver<T> out, Supplier<T> work) {
    workers.unary(out, work);
  }
}
