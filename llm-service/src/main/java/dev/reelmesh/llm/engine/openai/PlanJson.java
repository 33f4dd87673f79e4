package dev.reelmesh.llm.engine.openai;

import dev.reelmesh.llm.plan.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plan as the model sees it: content and ids, no timing it could change. */
final class PlanJson {
  private PlanJson() {}

  static Map<String, Object> of(Plan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", plan.title());
    m.put("style", Map.of("visual_style", plan.style().visualStyle(), "mood", plan.style().mood(),
        "lighting", plan.style().lighting()));
    m.put("clips", plan.clips().stream().map(c -> Map.of("clip_index", c.index(),
        "visual_description", c.visualDescription(), "motion", c.motion(), "camera", c.camera(),
        "narration", c.narration(), "beat_intensity", c.beatIntensity())).toList());
    return m;
  }
}
