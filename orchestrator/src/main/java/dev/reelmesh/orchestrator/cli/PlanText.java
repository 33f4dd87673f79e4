package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.io.PrintWriter;
import java.util.Locale;

/** A plan as a person reviews it: clips numbered from 1, their timing, picture and words. */
final class PlanText {
  private PlanText() {}

  static void print(ScenePlan plan, PrintWriter out) {
    out.printf(Locale.ROOT, "%s — %.1f s, %d clips%n", plan.getTitle().isBlank() ? "plan"
        : plan.getTitle(), plan.getDurationSeconds(), plan.getClipsCount());
    if (plan.hasStyle()) {
      out.printf("style: %s; mood %s; lighting %s%n", plan.getStyle().getVisualStyle(),
          plan.getStyle().getMood(), plan.getStyle().getLighting());
    }
    for (PlannedClip clip : plan.getClipsList()) {
      out.printf(Locale.ROOT, "  clip %d  %5.1f–%5.1f s  %s%n", clip.getIndex() + 1,
          clip.getStartSeconds(), clip.getEndSeconds(), clip.getVisualDescription());
      if (!clip.getCamera().isBlank() || !clip.getMotion().isBlank()) {
        out.printf("          camera: %s; motion: %s%n", clip.getCamera(), clip.getMotion());
      }
      if (!clip.getNarration().isBlank()) {
        out.printf("          says: \"%s\"%n", clip.getNarration());
      }
    }
    out.flush();
  }
}
