package dev.reelmesh.llm.testing;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.PlanLocation;
import dev.reelmesh.llm.plan.PlanStyle;
import java.util.ArrayList;
import java.util.List;

/** Hand-built plans for unit tests, so they do not depend on the planner. */
public final class Plans {
  private Plans() {}

  public static final PlanStyle CYBERPUNK = new PlanStyle("cyberpunk", "melancholic",
      "neon lighting, high contrast", "wide shots, tracking shots", List.of("#00FFFF", "#FF00FF", "#0B0C10"), "");

  /** {@code n} clips of {@code seconds} each; clip 0 in loc-1 with char-1, others alternate. */
  public static Plan plan(int n, double seconds) {
    List<PlanClip> clips = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clips.add(new PlanClip(i, i * seconds, (i + 1) * seconds,
          "A lone figure walks through rain-slicked streets " + i, "rain falls past neon signs",
          "push-in", i % 2 == 0 ? List.of("char-1") : List.of(), i % 2 == 0 ? "loc-1" : "loc-2",
          "The city never sleeps.", i % 3 == 0 ? 0.2f : i % 3 == 1 ? 0.5f : 0.9f));
    }
    return new Plan("Neon", "a cyberpunk music video", n * seconds, "16:9", CYBERPUNK, clips,
        List.of(new PlanCharacter("char-1", "Mara", "young woman in a futuristic jacket")),
        List.of(new PlanLocation("loc-1", "city street", "rain-slicked cyberpunk street with neon signs"),
            new PlanLocation("loc-2", "rooftop", "windy rooftop above the city")),
        "", true, 7);
  }
}
