package dev.reelmesh.orchestrator.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.ChatToolResult;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.RegenerateClipsResponse;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the agent's tools as PipelineService calls on a channel that acts as the chat's caller.
 * Every result is a JSON object; a refused call (a budget refusal included) is a result with
 * its status, never an exception the conversation dies of. Blocking: runs on the chat workers.
 */
final class ToolRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A plan takes seconds offline, one LLM call online; past this the tool says so. */
  static final Duration PLAN_WAIT = Duration.ofMinutes(3);
  private final PipelineServiceGrpc.PipelineServiceBlockingStub pipeline;

  ToolRunner(Channel asCaller) {
    this.pipeline = PipelineServiceGrpc.newBlockingStub(asCaller);
  }

  ChatToolResult run(ChatToolCall call) {
    ChatToolResult.Builder result = ChatToolResult.newBuilder().setCallId(call.getCallId())
        .setTool(call.getTool());
    try {
      ObjectNode json = run(call.getTool(), new ToolArguments(call.getArgumentsJson()));
      return result.setOk(true).setStatus("OK").setResultJson(json.toString()).build();
    } catch (StatusRuntimeException e) {
      return refused(result, e.getStatus());
    }
  }

  static ChatToolResult refused(ChatToolResult.Builder result, Status status) {
    String message = status.getDescription() == null ? status.getCode().name()
        : status.getDescription();
    return result.setOk(false).setStatus(status.getCode().name()).setMessage(message)
        .setResultJson(JSON.createObjectNode().put("status", status.getCode().name())
            .put("message", message).toString()).build();
  }

  private ObjectNode run(String tool, ToolArguments args) {
    return switch (tool) {
      case "plan" -> plan(args);
      case "estimate" -> estimate(args);
      case "submit" -> started(pipeline.submitJob(SubmitJobRequest.newBuilder()
          .setSpec(args.spec()).build()).getJob());
      case "approve" -> started(pipeline.approvePlan(ApprovePlanRequest.newBuilder()
          .setJobId(args.text("job_id")).build()));
      case "refine" -> refine(args);
      case "regenerate" -> regenerate(args);
      case "status" -> status(job(args.text("job_id")));
      default -> throw Status.INVALID_ARGUMENT.withDescription("tool: no tool '" + tool + "'")
          .asRuntimeException();
    };
  }

  /** What a paid call would spend, priced by the pipeline's dry run; null where none prices it. */
  CostReport price(ChatToolCall call) {
    try {
      ToolArguments args = new ToolArguments(call.getArgumentsJson());
      JobSpec spec = switch (call.getTool()) {
        case "submit" -> args.spec().build();
        case "approve" -> job(args.text("job_id")).getSpec().toBuilder()
            .setRequirePlanApproval(false).build();
        default -> null;
      };
      return spec == null ? null : pipeline.estimateCost(EstimateCostRequest.newBuilder()
          .setSpec(spec).build()).getEstimate();
    } catch (StatusRuntimeException e) {
      return null; // the call itself will be refused with this status, in its result
    }
  }

  Job job(String jobId) {
    return pipeline.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
  }

  private ObjectNode plan(ToolArguments args) {
    Job job = pipeline.submitJob(SubmitJobRequest.newBuilder().setSpec(args.spec()
        .setRequirePlanApproval(true)).build()).getJob();
    long deadline = System.nanoTime() + PLAN_WAIT.toNanos();
    while (job.getState() == JobState.JOB_STATE_QUEUED
        || job.getState() == JobState.JOB_STATE_RUNNING) {
      if (System.nanoTime() > deadline) {
        return status(job).put("message", "the plan is not ready after "
            + PLAN_WAIT.toMinutes() + " min; ask for the status later");
      }
      sleep(100);
      job = job(job.getJobId());
    }
    ObjectNode result = status(job);
    if (job.getState() == JobState.JOB_STATE_AWAITING_APPROVAL) {
      withPlan(result, latestPlan(job));
    }
    return result;
  }

  /**
   * Re-plans a job waiting at its plan with the instruction (ApprovePlan, refine_only): nothing
   * renders, the job keeps waiting, and the result is the new plan and the engine that made it
   * (a fallback from the LLM to the offline engine said, as the job's event says it).
   */
  private ObjectNode refine(ToolArguments args) {
    Job job = pipeline.withDeadlineAfter(PLAN_WAIT.toMinutes(), TimeUnit.MINUTES)
        .approvePlan(ApprovePlanRequest.newBuilder().setJobId(args.text("job_id"))
            .setRefineInstruction(args.text("instruction")).setRefineOnly(true).build());
    return withPlan(status(job).put("instruction", args.text("instruction")),
        latestPlan(job));
  }

  private static ObjectNode withPlan(ObjectNode result, PlanReady ready) {
    result.put("duration_seconds", ready.getPlan().getDurationSeconds());
    result.set("clips", clips(ready.getPlan()));
    ObjectNode engine = result.putObject("engine").put("name", ready.getEngine().getEngine())
        .put("fallback", ready.getEngine().getFallback());
    if (ready.getEngine().getFallback()) {
      engine.put("fallback_reason", ready.getEngine().getFallbackReason());
    }
    return result;
  }

  /** The plan the job waits with: its newest plan_ready event (a refinement adds one). */
  private PlanReady latestPlan(Job job) {
    // The stream stays open while the job waits: read up to its newest event, then cancel.
    io.grpc.Context.CancellableContext watching = io.grpc.Context.current().withCancellation();
    try {
      return watching.call(() -> {
        PlanReady plan = PlanReady.getDefaultInstance();
        Iterator<JobEvent> events = pipeline.withDeadlineAfter(30, TimeUnit.SECONDS).watchJob(
            WatchJobRequest.newBuilder().setJobId(job.getJobId()).build());
        while (events.hasNext()) {
          JobEvent event = events.next();
          if (event.hasPlanReady()) {
            plan = event.getPlanReady();
          }
          if (event.getSequence() >= job.getLastSequence()) {
            break;
          }
        }
        return plan;
      });
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw Status.INTERNAL.withDescription("reading the plan of " + job.getJobId() + ": "
          + e.getMessage()).withCause(e).asRuntimeException();
    } finally {
      watching.cancel(null);
    }
  }

  private ObjectNode estimate(ToolArguments args) {
    JobSpec spec = args.has("job_id") ? job(args.text("job_id")).getSpec()
        : args.spec().build();
    EstimateCostResponse r = pipeline.estimateCost(EstimateCostRequest.newBuilder()
        .setSpec(spec).build());
    ObjectNode result = JSON.createObjectNode();
    if (args.has("job_id")) {
      result.put("job_id", args.text("job_id"));
    }
    result.put("estimated_micros", r.getEstimate().getEstimatedTotalMicros())
        .put("estimated_usd", r.getEstimate().getEstimatedTotalMicros() / 1e6)
        .put("within_budget", r.getWithinBudget())
        .put("remaining_usd", r.getBudget().getRemainingMicros() / 1e6)
        .put("clips", r.getPlan().getClipsCount());
    ArrayNode lines = result.putArray("lines");
    r.getEstimate().getLinesList().forEach(l -> lines.addObject().put("stage", l.getStage())
        .put("provider", l.getProvider()).put("item", l.getItem())
        .put("estimated_micros", l.getEstimatedMicros()));
    return result;
  }

  private ObjectNode regenerate(ToolArguments args) {
    RegenerateClipsResponse r = pipeline.regenerateClips(RegenerateClipsRequest.newBuilder()
        .setJobId(args.text("job_id")).addAllClipIndices(args.clipIndices("clips"))
        .setInstruction(args.optionalText("instruction")).build());
    ObjectNode result = started(r.getJob());
    ArrayNode clips = result.putArray("clips");
    args.clipIndices("clips").forEach(i -> clips.add(i + 1));
    return result.put("estimated_usd", r.getEstimate().getEstimatedTotalMicros() / 1e6);
  }

  private static ObjectNode started(Job job) {
    return JSON.createObjectNode().put("job_id", job.getJobId()).put("state", state(job));
  }

  static ObjectNode status(Job job) {
    ObjectNode result = started(job).put("stage", job.getStage().name().replace("STAGE_", "")
        .toLowerCase(Locale.ROOT)).put("percent", Math.round(job.getPercent()))
        .put("cost_usd", job.getCost().getActualTotalMicros() / 1e6);
    if (job.hasResult()) {
      result.put("video", job.getResult().getVideo().getUri())
          .put("duration_seconds", job.getResult().getDurationSeconds())
          .put("clip_count", job.getResult().getPlan().getClipsCount());
    }
    if (job.hasError()) {
      result.put("error", job.getError().getMessage());
    }
    return result;
  }

  static String state(Job job) {
    return job.getState().name().replace("JOB_STATE_", "").toLowerCase(Locale.ROOT);
  }

  private static ArrayNode clips(ScenePlan plan) {
    ArrayNode clips = JSON.createArrayNode();
    for (PlannedClip c : plan.getClipsList()) {
      clips.addObject().put("number", c.getIndex() + 1)
          .put("seconds", Math.round((c.getEndSeconds() - c.getStartSeconds()) * 10) / 10.0)
          .put("camera", c.getCamera()).put("visual", c.getVisualDescription())
          .put("narration", c.getNarration());
    }
    return clips;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("the chat agent was stopped").asRuntimeException();
    }
  }
}
