package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.llm.testing.Plans;
import org.junit.jupiter.api.Test;

class OfflineRefinerTest {
  private final OfflineRefiner refiner = new OfflineRefiner();
  private final Plan plan = Plans.plan(4, 4);

  @Test
  void changesOnlyTheNamedClip() {
    Refinement r = refiner.refine(plan, "Make clip 3 a close up");
    assertThat(r.plan().clips().get(2).camera()).isEqualTo("close-up");
    assertThat(r.changes()).containsExactly("clip 3 (index 2): camera 'push-in' → 'close-up'");
    for (int i : new int[] {0, 1, 3}) {
      assertThat(r.plan().clips().get(i)).isEqualTo(plan.clips().get(i));
    }
    assertThat(r.plan().style()).isEqualTo(plan.style());
  }

  @Test
  void shorterNarrationShortensEveryClipAndKeepsTiming() {
    Plan wordy = plan.withClips(plan.clips().stream()
        .map(c -> c.withNarration("one two three four five six seven eight nine ten")).toList());
    Refinement r = refiner.refine(wordy, "shorter narration please");
    assertThat(r.plan().clips()).allMatch(c -> Narration.words(c.narration()) == 6);
    assertThat(r.plan().clips()).extracting(PlanClip::endSeconds)
        .containsExactlyElementsOf(wordy.clips().stream().map(PlanClip::endSeconds).toList());
  }

  @Test
  void styleEditsAndEnergy() {
    Refinement r = refiner.refine(plan, "set mood to joyful and make clip 1 more energetic");
    assertThat(r.plan().style().mood()).isEqualTo("joyful");
    assertThat(r.plan().clips().get(0).beatIntensity()).isEqualTo(0.4f);
    assertThat(r.plan().clips().get(1)).isEqualTo(plan.clips().get(1));
  }

  @Test
  void refusesUnknownClipsAndInstructionsItCannotMap() {
    assertThatThrownBy(() -> refiner.refine(plan, "make clip 9 a close-up"))
        .hasMessageContaining("instruction").hasMessageContaining("clip 9");
    assertThatThrownBy(() -> refiner.refine(plan, "make it sing"))
        .hasMessageContaining("instruction").hasMessageContaining("make clip 3 a close-up");
  }
}
