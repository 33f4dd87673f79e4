package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.auth.ArtifactOwners;
import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.orchestrator.event.EventStreamer;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.spec.JobSpecs;
import dev.reelmesh.orchestrator.stage.JobSpend;
import dev.reelmesh.orchestrator.tenant.Tenants;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetCreditsRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.GrantCreditsRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.RefineScriptRequest;
import dev.reelmesh.v1.RefineScriptResponse;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.RegenerateClipsResponse;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.SubmitJobResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gRPC edge of reelmesh.v1.PipelineService: validation and conversion; the engine works.
 * Every job belongs to its submitter's tenant ({@link Principal} in the call's Context), and a
 * call about a job is answered only to that tenant and to admins ({@link Tenants}).
 */
final class PipelineGrpcService extends PipelineServiceGrpc.PipelineServiceImplBase {
  private final JobEngine engine;
  private final BlockingCalls calls;

  PipelineGrpcService(JobEngine engine, BlockingCalls calls) {
    this.engine = engine;
    this.calls = calls;
  }

  @Override
  public void submitJob(SubmitJobRequest request, StreamObserver<SubmitJobResponse> out) {
    unary(out, () -> {
      if (!request.hasSpec()) {
        throw Statuses.invalid("spec", "is required");
      }
      String tenant = Principal.current().tenant();
      dev.reelmesh.v1.JobSpec filled = JobSpecs.validateAndFill(
          request.getSpec(), engine.providers());
      if (JobSpecs.paysForMedia(filled, engine.providers())) {
        SpendCheck.refuseOver(engine, "the job", filled, 0, CostEstimator.media(engine, filled,
            // The job reports its own plan's fallbacks as events; the refusal needs the figure.
            CostEstimator.offlinePlan(engine, filled, warning -> { }).getPlan(), null), tenant);
      }
      JobEngine.Submitted submitted = engine.submit(request.getSpec(),
          request.getIdempotencyKey(), tenant);
      if (!submitted.deduplicated()) {
        ArtifactOwners.claim(engine.artifacts().root(), submitted.job().getJobId(), tenant);
      }
      return SubmitJobResponse.newBuilder().setJobId(submitted.job().getJobId())
          .setDeduplicated(submitted.deduplicated()).setJob(submitted.job()).build();
    });
  }

  @Override
  public void watchJob(dev.reelmesh.v1.WatchJobRequest request, StreamObserver<JobEvent> out) {
    try {
      if (request.getAfterSequence() < 0) {
        throw Statuses.invalid("after_sequence", "must be >= 0, got "
            + request.getAfterSequence());
      }
      JobRuntime job = owned(request.getJobId());
      long last = job.log().lastSequence();
      if (request.getAfterSequence() > last) {
        throw Status.OUT_OF_RANGE.withDescription("after_sequence " + request.getAfterSequence()
            + " is in the future: job " + request.getJobId() + " has " + last + " events so far")
            .asRuntimeException();
      }
      EventStreamer.start(job.log(), (ServerCallStreamObserver<JobEvent>) out,
          request.getAfterSequence());
    } catch (RuntimeException e) {
      out.onError(Statuses.toException(e));
    }
  }

  @Override
  public void getJob(GetJobRequest request, StreamObserver<Job> out) {
    unary(out, () -> owned(request.getJobId()).snapshot());
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> out) {
    unary(out, () -> JobListing.page(JobListing.visible(Principal.current(), engine.all(),
        request.getTenant()), request));
  }

  @Override
  public void cancelJob(CancelJobRequest request, StreamObserver<Job> out) {
    unary(out, () -> engine.cancel(owned(request.getJobId()).id(), request.getReason()));
  }

  @Override
  public void approvePlan(ApprovePlanRequest request, StreamObserver<Job> out) {
    unary(out, () -> {
      String instruction = request.getRefineInstruction().strip();
      JobRuntime job = owned(request.getJobId());
      dev.reelmesh.v1.JobSpec spec = job.spec().spec();
      String tenant = Tenants.of(job.snapshot());
      java.util.function.Consumer<PlanReady> check = plan -> {
        if (JobSpecs.paysForMedia(spec, engine.providers())) {
          SpendCheck.refuseOver(engine, "the approved plan", spec,
              job.cost().getActualTotalMicros(), CostEstimator.media(engine, spec,
                  plan.getPlan(), null), tenant);
        }
      };
      if (request.getRefineOnly()) {
        if (instruction.isEmpty()) {
          throw Statuses.invalid("refine_instruction", "required with refine_only: say how the"
              + " plan should change");
        }
        // Nothing renders, so no media spend to check; the approval that follows checks it.
        return engine.refinePlan(request.getJobId(), current -> refine(request.getJobId(),
            current, instruction));
      }
      if (instruction.isEmpty()) {
        if (job.state() == dev.reelmesh.v1.JobState.JOB_STATE_AWAITING_APPROVAL) {
          check.accept(job.memo().find(engine.planKey(),
              PlanReady.parser()));
        }
        return engine.approve(request.getJobId(), null);
      }
      return engine.approve(request.getJobId(), current -> {
        PlanReady refined = refine(request.getJobId(), current, instruction);
        check.accept(refined);
        return refined;
      });
    });
  }

  private PlanReady refine(String jobId, PlanReady current, String instruction) {
    // Paid like every other LLM call of the job: held before it is sent, then billed.
    RefineScriptResponse refined = new JobSpend(engine.get(jobId), engine.ledger()).llm("plan",
        "RefineScript", options -> LlmServiceGrpc.newBlockingStub(engine.channels().llm())
            .withDeadlineAfter(3, TimeUnit.MINUTES)
            .refineScript(RefineScriptRequest.newBuilder().setPlan(current.getPlan())
                .setInstruction(instruction)
                .setOptions(options)
                .build()), RefineScriptResponse::getCostList);
    return PlanReady.newBuilder().setPlan(refined.getPlan()).setEngine(refined.getEngine())
        .build();
  }

  @Override
  public void regenerateClips(RegenerateClipsRequest request,
      StreamObserver<RegenerateClipsResponse> out) {
    unary(out, () -> {
      owned(request.getJobId());
      return Regeneration.start(engine, request);
    });
  }

  @Override
  public void estimateCost(EstimateCostRequest request, StreamObserver<EstimateCostResponse> out) {
    unary(out, () -> Budgets.estimate(engine, Principal.current(),
        CostEstimator.estimate(engine, request.getSpec())));
  }

  @Override
  public void getBudget(GetBudgetRequest request, StreamObserver<Budget> out) {
    unary(out, () -> Budgets.read(engine, Principal.current(), request.getTenant()));
  }

  @Override
  public void grantCredits(GrantCreditsRequest request, StreamObserver<CreditAccount> out) {
    unary(out, () -> CreditGrants.grant(engine, Principal.current(), request));
  }

  @Override
  public void getCredits(GetCreditsRequest request, StreamObserver<CreditAccount> out) {
    unary(out, () -> CreditGrants.read(engine, request));
  }

  /**
   * The job, when the caller may see it; another tenant's job is NOT_FOUND in the words of a
   * missing one, so ids of other tenants' jobs cannot be probed.
   */
  private JobRuntime owned(String jobId) {
    JobRuntime job = engine.get(jobId);
    Tenants.visible(Principal.current(), job.snapshot());
    return job;
  }

  @Override
  public void deleteJob(dev.reelmesh.v1.DeleteJobRequest request,
      StreamObserver<dev.reelmesh.v1.DeleteJobResponse> out) {
    // Only a job its caller may see: another tenant's is NOT_FOUND, as for GetJob.
    unary(out, () -> engine.delete(request.getJobId(),
        job -> Tenants.visible(Principal.current(), job)));
  }

  @Override
  public void collectGarbage(dev.reelmesh.v1.CollectGarbageRequest request,
      StreamObserver<dev.reelmesh.v1.CollectGarbageResponse> out) {
    unary(out, () -> dev.reelmesh.orchestrator.gc.GarbageCollection.collect(engine, request,
        java.time.Clock.systemUTC()));
  }

  /**
   * Store reads and writes, and the LLM call of a refinement, block: they run on the worker
   * pool in the caller's context, never on a transport thread.
   */
  private <T> void unary(StreamObserver<T> out, Supplier<T> call) {
    calls.unary(out, call);
  }
}
