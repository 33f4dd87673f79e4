package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.job.ClipNumbers;
import dev.reelmesh.orchestrator.job.Revision;
import dev.reelmesh.orchestrator.stage.JobSpend;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.RefineScriptRequest;
import dev.reelmesh.v1.RefineScriptResponse;
import dev.reelmesh.v1.ScenePlan;
import io.grpc.Channel;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * RegenerateClips with an instruction: the LLM service refines the plan, and only the named
 * clips take the result, with their timing kept, so every other clip stays exactly as rendered.
 * What the refinement changed elsewhere (other clips, the global style) is reported, not applied.
 */
final class ClipRewording {
  static final int MAX_INSTRUCTION = 2_000;

  private ClipRewording() {}

  /**
   * @param named every clip the request names (clip_indices and frames' clips)
   * @param namedFrames clips whose frames the request names
   */
  static Function<ScenePlan, Revision> reviser(Channel llm, JobSpend spend,
      Set<Integer> named, Set<Integer> namedFrames, String instruction) {
    return current -> {
      // Held before it is sent and billed after, as every LLM call of the job.
      RefineScriptResponse refined = spend.llm("plan", "RefineScript", options -> LlmServiceGrpc
          .newBlockingStub(llm)
          .withDeadlineAfter(3, TimeUnit.MINUTES)
          .refineScript(RefineScriptRequest.newBuilder().setPlan(current)
              .setInstruction(instruction)
              .setOptions(options)
              .build()), RefineScriptResponse::getCostList);
      return merge(current, refined, named, namedFrames, instruction);
    };
  }

  static Revision merge(ScenePlan current, RefineScriptResponse refined, Set<Integer> named,
      Set<Integer> namedFrames, String instruction) {
    ScenePlan proposal = refined.getPlan();
    if (proposal.getClipsCount() != current.getClipsCount()) {
      throw Status.FAILED_PRECONDITION.withDescription("instruction: the refinement changed the "
          + "number of clips (" + current.getClipsCount() + " → " + proposal.getClipsCount()
          + "); a regeneration rewords clips in place, so name changes within clips")
          .asRuntimeException();
    }
    ScenePlan.Builder merged = current.toBuilder();
    Set<Integer> frames = new TreeSet<>(namedFrames);
    Set<Integer> prompts = new TreeSet<>();
    Set<Integer> narration = new TreeSet<>();
    List<String> changes = new ArrayList<>();
    for (int i : new TreeSet<>(named)) {
      PlannedClip before = current.getClips(i);
      PlannedClip after = inPlace(before, proposal.getClips(i));
      if (after.equals(before)) {
        continue;
      }
      merged.setClips(i, after);
      prompts.add(i);
      changes.addAll(describe(i, before, after));
      // The camera word frames the shot (a close-up is drawn closer), so it redraws frames too.
      if (!before.getVisualDescription().equals(after.getVisualDescription())
          || !before.getCamera().equals(after.getCamera())
          || !before.getMotion().equals(after.getMotion())
          || !before.getCharacterIdsList().equals(after.getCharacterIdsList())
          || !before.getLocationId().equals(after.getLocationId())) {
        frames.add(i); // the storyboard frames are drawn from these
      }
      if (!before.getNarration().equals(after.getNarration())) {
        narration.add(i);
      }
    }
    List<String> elsewhere = new ArrayList<>();
    for (int i = 0; i < current.getClipsCount(); i++) {
      if (!named.contains(i)
          && !inPlace(current.getClips(i), proposal.getClips(i)).equals(current.getClips(i))) {
        elsewhere.add(ClipNumbers.of(i));
      }
    }
    if (!proposal.getStyle().equals(current.getStyle())) {
      elsewhere.add("the global style");
    }
    if (!proposal.getCharactersList().equals(current.getCharactersList())
        || !proposal.getLocationsList().equals(current.getLocationsList())) {
      elsewhere.add("characters or locations");
    }
    if (prompts.isEmpty()) {
      throw Statuses.invalid("instruction", "'" + instruction + "' changes none of the clips "
          + "being regenerated (indices " + new TreeSet<>(named) + ")"
          + (elsewhere.isEmpty() ? "" : "; it would change " + String.join(", ", elsewhere))
          + ". Clip numbers in instructions count from 1; clip_indices count from 0");
    }
    PlanReady plan = PlanReady.newBuilder().setPlan(merged).setEngine(refined.getEngine()).build();
    return new Revision(plan, Set.copyOf(named), Set.copyOf(frames), Set.copyOf(prompts),
        Set.copyOf(narration), List.copyOf(changes), List.copyOf(elsewhere));
  }

  /** The proposed clip at the original's place and time: a regeneration never retimes. */
  private static PlannedClip inPlace(PlannedClip original, PlannedClip proposed) {
    return proposed.toBuilder().setIndex(original.getIndex())
        .setStartSeconds(original.getStartSeconds()).setEndSeconds(original.getEndSeconds())
        .build();
  }

  private static List<String> describe(int i, PlannedClip before, PlannedClip after) {
    List<String> lines = new ArrayList<>();
    String clip = ClipNumbers.of(i) + ": ";
    field(lines, clip + "camera", before.getCamera(), after.getCamera());
    field(lines, clip + "motion", before.getMotion(), after.getMotion());
    field(lines, clip + "visual", before.getVisualDescription(), after.getVisualDescription());
    field(lines, clip + "narration", before.getNarration(), after.getNarration());
    field(lines, clip + "beat intensity", before.getBeatIntensity(), after.getBeatIntensity());
    field(lines, clip + "characters", before.getCharacterIdsList(), after.getCharacterIdsList());
    field(lines, clip + "location", before.getLocationId(), after.getLocationId());
    return lines;
  }

  private static void field(List<String> lines, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      lines.add(name + " '" + before + "' → '" + after + "'");
    }
  }
}
