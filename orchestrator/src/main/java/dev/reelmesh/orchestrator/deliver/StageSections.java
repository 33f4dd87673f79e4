package dev.reelmesh.orchestrator.deliver;

import dev.reelmesh.v1.ClipChecked;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.EnhancementTraced;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.Stage;
import java.util.List;
import java.util.Locale;

/**
 * The report's sections for what the stages add: the music cut, the prompt enhancement (and
 * where its traces are), and the checks of the rendered clips.
 */
final class StageSections {
  private StageSections() {}

  static void music(StringBuilder md, JobResult result, List<JobEvent> events) {
    List<PlannedClip> clips = result.getPlan().getClipsList();
    if (clips.stream().noneMatch(c -> !c.getCut().isEmpty() || !c.getLyrics().isEmpty())) {
      return;
    }
    md.append("\n## Music cut\n\n");
    // The plan stage's account of the analysis ("music: 97.0 BPM (confidence 0.93), …").
    events.stream().filter(e -> e.getStage() == Stage.STAGE_PLAN
        && e.getMessage().startsWith("music: ")).reduce((a, b) -> b)
        .ifPresent(e -> md.append(e.getMessage()).append(".\n\n"));
    md.append("| # | time | cut on | beat intensity | lyrics |\n|---|---|---|---|---|\n");
    for (PlannedClip c : clips) {
      md.append(String.format(Locale.ROOT, "| %d | %.2f–%.2f s | %s | %.2f | %s |\n",
          c.getIndex() + 1, c.getStartSeconds(), c.getEndSeconds(),
          c.getCut().isEmpty() ? "—" : c.getCut(), c.getBeatIntensity(),
          c.getLyrics().isEmpty() ? "—" : c.getLyrics().replace("|", "\\|")));
    }
  }

  static void enhancement(StringBuilder md, JobResult result, List<JobEvent> events) {
    List<EnhancementTraced> frames = events.stream().filter(JobEvent::hasEnhancement)
        .map(JobEvent::getEnhancement).toList();
    if (frames.isEmpty()) {
      return;
    }
    md.append("\n## Prompt enhancement\n\n");
    for (EnhancementTraced f : frames) {
      md.append(String.format(Locale.ROOT, "- clip %d %s: %d rounds, critic %d → %d (%s)\n",
          f.getClipIndex() + 1, f.getFrame() == FrameKind.FRAME_KIND_END ? "end" : "start",
          f.getRounds(), f.getOriginalScore(), f.getFinalScore(), f.getStopReason()));
    }
    md.append(result.hasEnhancementSummary()
        ? "\nTraces kept: `" + result.getEnhancementSummary().getUri() + "` and a folder per "
            + "frame beside it.\n"
        : "\nTrace files (`traces/` in the job's folder) are removed when the job ends; submit"
            + " with keep_traces (`--keep-traces`) to keep them.\n");
  }

  static void clipChecks(StringBuilder md, JobResult result) {
    if (result.getClipChecksCount() == 0) {
      return;
    }
    md.append("\n## Clip checks\n\n| clip | render | verdict | lowest match | scorers | "
        + "outcome |\n|---|---|---|---|---|---|\n");
    for (ClipChecked c : result.getClipChecksList()) {
      String verdict = !c.getSkipped().isEmpty() ? "skipped"
          : c.getVerdict() == ClipVerdict.CLIP_VERDICT_FLAGGED ? "**flagged**" : "pass";
      String outcome = !c.getSkipped().isEmpty() ? c.getSkipped()
          : String.join("; ", c.getReasonsList()) + (c.getAction().isEmpty() ? ""
              : (c.getReasonsCount() > 0 ? "; " : "") + c.getAction());
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n",
          c.getClipIndex() < 0 ? "all" : String.valueOf(c.getClipIndex() + 1),
          c.getAttempt() == 0 ? "—" : String.valueOf(c.getAttempt()), verdict,
          c.getSkipped().isEmpty() ? String.format(Locale.ROOT, "%.1f (threshold %.1f; %.0f ms)",
              c.getScore(), c.getThreshold(), c.getElapsedMs()) : "—",
          c.getScorersCount() == 0 ? "—" : String.join(", ", c.getScorersList()),
          outcome.replace("|", "\\|")));
    }
    // The scoring service's notes (what stood in for a missing model) are the same per clip.
    result.getClipChecksList().stream().flatMap(c -> c.getWarningsList().stream()).distinct()
        .forEach(w -> md.append("\nNote: ").append(w).append('\n'));
  }
}
