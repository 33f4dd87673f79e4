package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.llm.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanInvariantsTest {
  private final Plan plan = Plans.plan(3, 4);

  private Plan withClip(int i, PlanClip clip) {
    List<PlanClip> clips = new ArrayList<>(plan.clips());
    clips.set(i, clip);
    return plan.withClips(clips);
  }

  @Test
  void namesTheFieldOfEachBrokenInvariant() {
    assertThatThrownBy(() -> PlanInvariants.check(plan.withClips(List.of()), "plan"))
        .hasMessageContaining("plan.clips").hasMessageContaining("zero clips");
    PlanClip c1 = plan.clips().get(1);
    assertThatThrownBy(() -> PlanInvariants.check(withClip(1, new PlanClip(1, 4, 4, "", "", "", List.of(), "", "", 0)), "plan"))
        .hasMessageContaining("plan.clips[1].end_seconds");
    assertThatThrownBy(() -> PlanInvariants.check(withClip(1, new PlanClip(1, 3, 8, "", "", "", List.of(), "", "", 0)), "plan"))
        .hasMessageContaining("plan.clips[1].start_seconds").hasMessageContaining("overlaps");
    assertThatThrownBy(() -> PlanInvariants.check(withClip(1, new PlanClip(5, 4, 8, "", "", "", List.of(), "", "", 0)), "plan"))
        .hasMessageContaining("plan.clips[1].index");
    assertThatThrownBy(() -> PlanInvariants.check(withClip(1, c1.withBeatIntensity(2)), "plan"))
        .hasMessageContaining("beat_intensity");
    assertThatThrownBy(() -> PlanInvariants.check(withClip(2, new PlanClip(2, 8, 11, "", "", "", List.of(), "", "", 0)), "plan"))
        .hasMessageContaining("must tile the duration");
    assertThatThrownBy(() -> PlanInvariants.check(plan.withStyle(plan.style().withPalette(List.of("red"))), "plan"))
        .hasMessageContaining("plan.style.palette[0]");
  }
}
