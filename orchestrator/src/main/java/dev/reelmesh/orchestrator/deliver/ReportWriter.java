package dev.reelmesh.orchestrator.deliver;

import dev.reelmesh.v1.ClipPrompt;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.FrameVariation;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.Score;
import dev.reelmesh.v1.StageTiming;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * report.md: plan, prompts, scores, engines used, fallbacks, provider queues, timings and cost of
 * one job.
 */
public final class ReportWriter {
  private ReportWriter() {}

  public static String write(String jobId, JobResult result, List<JobEvent> events) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(result.getPlan().getTitle().isBlank() ? "reelmesh job"
        : result.getPlan().getTitle()).append("\n\n");
    md.append("Job `").append(jobId).append("` · ").append(fmt(result.getDurationSeconds()))
        .append(" s · ").append(result.getPlan().getClipsCount()).append(" clips\n\n");
    md.append("> ").append(result.getPlan().getBrief().replace("\n", " ")).append("\n\n");
    md.append("## Engines\n\n| role | engine | model | fallback |\n|---|---|---|---|\n");
    for (Map.Entry<String, EngineInfo> e : result.getEnginesMap().entrySet()) {
      md.append("| ").append(e.getKey()).append(" | ").append(e.getValue().getEngine())
          .append(" | ").append(e.getValue().getModel()).append(" | ")
          .append(e.getValue().getFallback() ? e.getValue().getFallbackReason() : "—")
          .append(" |\n");
    }
    md.append("\n## Plan\n\n| # | time | camera | description | narration |\n|---|---|---|---|---|\n");
    for (PlannedClip clip : result.getPlan().getClipsList()) {
      md.append("| ").append(clip.getIndex() + 1).append(" | ").append(fmt(clip.getStartSeconds()))
          .append("–").append(fmt(clip.getEndSeconds())).append(" s | ").append(cell(clip.getCamera()))
          .append(" | ").append(cell(clip.getVisualDescription())).append(" | ")
          .append(cell(clip.getNarration())).append(" |\n");
    }
    StageSections.music(md, result, events);
    md.append("\n## Clip prompts\n\nStyle keywords: ")
        .append(String.join(", ", result.getPrompts().getStyleKeywordsList())).append("\n\n");
    for (ClipPrompt prompt : result.getPrompts().getPromptsList()) {
      md.append("- **clip ").append(prompt.getClipIndex() + 1).append("** (")
          .append(prompt.getMetadata().getWordCount()).append(" words): ")
          .append(prompt.getPrompt()).append("\n");
    }
    md.append("\n## Storyboard scores\n\n| frame | chosen | variations (overall) | scores of the chosen |\n|---|---|---|---|\n");
    for (FrameResult frame : result.getFramesList()) {
      FrameVariation chosen = frame.getVariations(frame.getChosen());
      md.append("| clip ").append(frame.getClipIndex() + 1).append(' ')
          .append(frame.getFrame() == FrameKind.FRAME_KIND_END ? "end" : "start").append(" | v")
          .append(chosen.getVariation()).append(" | ")
          .append(frame.getVariationsList().stream().map(v -> "v" + v.getVariation() + " "
              + fmt(v.getOverall())).collect(Collectors.joining(", "))).append(" | ")
          .append(chosen.getScoresList().stream().map(ReportWriter::score)
              .collect(Collectors.joining(", "))).append(" |\n");
    }
    StageSections.enhancement(md, result, events);
    StageSections.clipChecks(md, result);
    md.append("\n## Fallbacks, retries and warnings\n\n");
    long notes = events.stream().filter(ReportWriter::isNote).count();
    if (notes == 0) {
      md.append("None.\n");
    }
    for (JobEvent event : events) {
      if (isNote(event)) {
        md.append("- ").append(event.getMessage()).append("\n");
      }
    }
    ProviderQueues.write(md, events);
    md.append("\n## Timings\n\nThe run that finished the job, wall clock.\n\n"
        + "| stage | started at (s) | took (s) |\n|---|---|---|\n");
    for (StageTiming timing : result.getTimingsList()) {
      md.append("| ").append(timing.getStage().name().replace("STAGE_", "")
              .toLowerCase(Locale.ROOT)).append(" | ").append(fmt(timing.getStartedSeconds()))
          .append(" | ").append(fmt(timing.getSeconds())).append(" |\n");
    }
    md.append("| **total** | | **").append(fmt(result.getTotalSeconds())).append("** |\n");
    CostSection.write(md, result.getCost());
    return md.toString();
  }

  private static boolean isNote(JobEvent event) {
    return event.hasFallback() || event.hasWarning() || event.hasRetry();
  }

  private static String score(Score s) {
    return s.getScorer() + " " + fmt(s.getValue());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
