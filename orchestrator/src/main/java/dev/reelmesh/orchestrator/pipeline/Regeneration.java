package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.job.ClipNumbers;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.spec.JobSpecs;
import dev.reelmesh.orchestrator.stage.JobSpend;
import dev.reelmesh.orchestrator.tenant.Tenants;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameSelector;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.RegenerateClipsResponse;
import io.grpc.Status;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** RegenerateClips: checks the selection against the finished job, then starts the redo. */
final class Regeneration {
  private Regeneration() {}

  static RegenerateClipsResponse start(JobEngine engine, RegenerateClipsRequest request) {
    Job job = engine.get(request.getJobId()).snapshot();
    if (request.getClipIndicesCount() == 0 && request.getFramesCount() == 0) {
      throw Statuses.invalid("clip_indices", "name at least one clip or frame to regenerate");
    }
    String instruction = request.getInstruction().strip();
    if (instruction.length() > ClipRewording.MAX_INSTRUCTION) {
      throw Statuses.invalid("instruction", instruction.length() + " characters; at most "
          + ClipRewording.MAX_INSTRUCTION);
    }
    if (!job.hasResult()) {
      throw Status.FAILED_PRECONDITION.withDescription("only a finished job can be regenerated; "
          + job.getJobId() + " is " + job.getState().name().replace("JOB_STATE_", ""))
          .asRuntimeException();
    }
    int clips = job.getResult().getPlan().getClipsCount();
    TreeSet<Integer> clipSet = new TreeSet<>();
    for (int i = 0; i < request.getClipIndicesCount(); i++) {
      int index = request.getClipIndices(i);
      if (index < 0 || index >= clips) {
        throw Statuses.invalid("clip_indices[" + i + "]", "index " + index
            + " does not exist; the job has indices 0.." + (clips - 1) + " (clips 1.." + clips
            + ")");
      }
      clipSet.add(index);
    }
    TreeSet<Integer> frameSet = new TreeSet<>();
    for (int i = 0; i < request.getFramesCount(); i++) {
      FrameSelector frame = request.getFrames(i);
      if (frame.getClipIndex() < 0 || frame.getClipIndex() >= clips) {
        throw Statuses.invalid("frames[" + i + "].clip_index", "index " + frame.getClipIndex()
            + " does not exist; the job has indices 0.." + (clips - 1) + " (clips 1.." + clips
            + ")");
      }
      if (frame.getFrame() == FrameKind.FRAME_KIND_UNSPECIFIED
          || frame.getFrame() == FrameKind.UNRECOGNIZED) {
        throw Statuses.invalid("frames[" + i + "].frame", "say START or END");
      }
      // Frames of a clip are generated as a chained pair, so either one redoes both.
      frameSet.add(frame.getClipIndex());
    }
    long regenerationCap = request.getBudgetCapMicros();
    if (regenerationCap < 0) {
      throw Statuses.invalid("budget_cap_micros", "must be 0 (the job's cap) or more, got "
          + regenerationCap);
    }
    // Refused before anything is redone when the redo would cross the cap or the month.
    Set<Integer> renders = new TreeSet<>(clipSet);
    renders.addAll(frameSet);
    CostEstimator.Selection redo = instruction.isEmpty()
        ? new CostEstimator.Selection(frameSet, renders, Set.of())
        : new CostEstimator.Selection(renders, renders, renders);
    CostReport estimate = CostEstimator.media(engine, job.getSpec(), job.getResult().getPlan(),
        redo);
    SpendCheck.refuseOverRegenerationCap("regenerating " + ClipNumbers.of(renders),
        regenerationCap, estimate);
    if (JobSpecs.paysForMedia(job.getSpec(), engine.providers())) {
      SpendCheck.refuseOver(engine, "regenerating " + ClipNumbers.of(renders), job.getSpec(),
          job.getCost().getActualTotalMicros(), estimate, Tenants.of(job));
    }
    Job started;
    if (instruction.isEmpty()) {
      clipSet.removeAll(frameSet);
      started = engine.regenerate(job.getJobId(), List.copyOf(clipSet), List.copyOf(frameSet));
    } else {
      Set<Integer> named = new TreeSet<>(clipSet);
      named.addAll(frameSet);
      started = engine.regenerate(job.getJobId(), List.of(), List.of(), ClipRewording.reviser(
          engine.channels().llm(), new JobSpend(engine.get(job.getJobId()), engine.ledger()),
          named, frameSet,
          instruction));
    }
    return RegenerateClipsResponse.newBuilder().setJob(started).setEstimate(estimate).build();
  }
}
