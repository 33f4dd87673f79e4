package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OfflinePlannerTest {
  private final OfflinePlanner planner = new OfflinePlanner();

  private static PlanRequest request(double seconds, long seed, VideoFamily family) {
    return PlanRequest.validated("A 30-second ad for a ceramic pour-over kettle, warm morning light in a kitchen",
        seconds, "16:9", "", "ceramic pour-over kettle", true, seed, 0, family);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.5, 2, 7, 30, 31.7, 59.9, 600})
  void clipsTileTheDurationExactlyWithinTwoToTwelveSeconds(double seconds) {
    Plan plan = planner.plan(request(seconds, 0, VideoFamily.GENERIC));
    PlanInvariants.check(plan, "plan");
    assertThat(plan.clips().get(0).startSeconds()).isZero();
    assertThat(plan.clips().get(plan.clips().size() - 1).endSeconds()).isEqualTo(seconds);
    if (seconds >= 2) {
      assertThat(plan.clips()).allMatch(c -> c.durationSeconds() >= 2 - 1e-9 && c.durationSeconds() <= 12 + 1e-9);
    }
    assertThat(plan.clips()).allMatch(c -> Narration.words(c.narration()) <= Narration.maxWords(c.durationSeconds()));
  }

  @Test
  void soraStylePlansUseFourSecondShotsAndItsFourMoves() {
    Plan plan = planner.plan(request(32, 0, VideoFamily.SORA));
    assertThat(plan.clips()).hasSize(8).allMatch(c -> Math.abs(c.durationSeconds() - 4) < 1e-9);
    assertThat(plan.clips()).allMatch(c -> List.of("static", "push-in", "glide", "slow pan").contains(c.camera()));
  }

  @Test
  void sameRequestSamePlanAndSeedChangesIt() {
    assertThat(planner.plan(request(30, 0, VideoFamily.GENERIC))).isEqualTo(planner.plan(request(30, 0, VideoFamily.GENERIC)));
    Plan a = planner.plan(request(30, 11, VideoFamily.GENERIC));
    Plan b = planner.plan(request(30, 12, VideoFamily.GENERIC));
    assertThat(a.seed()).isEqualTo(11);
    assertThat(a.clips()).isNotEqualTo(b.clips());
  }

  @Test
  void readsTheBriefIntoStyleCharactersAndLocations() {
    Plan plan = planner.plan(request(30, 0, VideoFamily.GENERIC));
    assertThat(plan.title()).isEqualTo("Ceramic pour-over kettle");
    assertThat(plan.style().visualStyle()).isEqualTo("cinematic");
    assertThat(plan.style().lighting()).startsWith("warm morning light");
    assertThat(plan.style().palette()).hasSizeBetween(3, 6);
    assertThat(plan.locations().get(0).name()).isEqualTo("kitchen");
    assertThat(plan.clips().get(0).visualDescription()).contains("ceramic pour-over kettle");
    assertThat(plan.clips().get(plan.clips().size() - 1).narration()).startsWith("Try the ceramic pour-over kettle");
    assertThat(plan.clips()).extracting(PlanClip::beatIntensity).allMatch(b -> b >= 0 && b <= 1);
  }

  @Test
  void badRequestsNameTheField() {
    assertThatThrownBy(() -> PlanRequest.validated("  ", 30, "16:9", "", "", false, 0, 0, VideoFamily.GENERIC))
        .hasMessageContaining("brief");
    assertThatThrownBy(() -> PlanRequest.validated("x".repeat(4001), 30, "16:9", "", "", false, 0, 0, VideoFamily.GENERIC))
        .hasMessageContaining("brief").hasMessageContaining("4001");
    assertThatThrownBy(() -> PlanRequest.validated("ok", 0, "16:9", "", "", false, 0, 0, VideoFamily.GENERIC))
        .hasMessageContaining("duration_seconds");
    assertThatThrownBy(() -> PlanRequest.validated("ok", 601, "16:9", "", "", false, 0, 0, VideoFamily.GENERIC))
        .hasMessageContaining("duration_seconds");
    assertThatThrownBy(() -> PlanRequest.validated("ok", 30, "16:9", "", "", false, 0, 13, VideoFamily.GENERIC))
        .hasMessageContaining("preferred_clip_seconds");
  }

  @Test
  void aBriefWithoutASettingGetsOneThatSuitsItsSubject() {
    Plan kettle = planner.plan(PlanRequest.validated("a 30-second ad for a ceramic pour-over kettle",
        30, "16:9", "", "", true, 1, 0, VideoFamily.GENERIC));
    assertThat(kettle.locations().get(0).name()).isEqualTo("kitchen");
    Plan shoe = planner.plan(PlanRequest.validated("a teaser for a trail running shoe",
        12, "16:9", "", "", true, 1, 0, VideoFamily.GENERIC));
    // A running shoe is worn in town, not only in a park.
    assertThat(shoe.locations().get(0).name()).isEqualTo("street");
    Plan named = planner.plan(PlanRequest.validated("a kettle on a rooftop at dusk",
        12, "16:9", "", "", true, 1, 0, VideoFamily.GENERIC));
    assertThat(named.locations().get(0).name()).isEqualTo("rooftop");
  }
}
