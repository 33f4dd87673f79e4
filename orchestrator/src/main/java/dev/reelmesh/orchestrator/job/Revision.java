package dev.reelmesh.orchestrator.job;

import dev.reelmesh.v1.PlanReady;
import java.util.List;
import java.util.Set;

/**
 * A regeneration with an instruction, worked out before anything is redone: the plan with the
 * reworded clips, and what each part of the job must redo because of it.
 *
 * @param plan the job's plan with the named clips reworded (timing unchanged)
 * @param renderClips clips to render again: every clip the user named
 * @param frameClips clips whose storyboard frames are redone (named, or their looks changed)
 * @param promptClips clips whose wording changed, so their video prompts are rewritten
 * @param narrationClips clips whose narration line changed, so it is spoken again
 * @param changes what changed, a line per field, for the event stream
 * @param notApplied parts of the instruction's result outside the named clips, left unapplied
 */
public record Revision(
    PlanReady plan,
    Set<Integer> renderClips,
    Set<Integer> frameClips,
    Set<Integer> promptClips,
    Set<Integer> narrationClips,
    List<String> changes,
    List<String> notApplied) {}
