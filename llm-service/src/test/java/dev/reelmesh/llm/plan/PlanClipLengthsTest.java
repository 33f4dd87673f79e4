package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.plan.music.MusicGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans cut to a video model's allowed clip lengths (fal's Kling 5/10 s, Sora 4/8/12 s). */
class PlanClipLengthsTest {
  private static final OfflinePlanner PLANNER = new OfflinePlanner();

  static Plan plan(double seconds, double preferred, MusicGrid music, Double... allowed) {
    PlanRequest request = PlanRequest.validated("a ceramic kettle pouring at dawn", seconds, "16:9",
        "", "", true, 7, preferred, VideoFamily.GENERIC)
        .withClipLengths(ClipLengths.validated(List.of(allowed), "allowed_clip_seconds"));
    return PLANNER.plan(music == null ? request : request.withMusic(music, List.of()));
  }

  static List<Double> lengths(Plan plan) {
    return plan.clips().stream().map(c -> Math.round(c.durationSeconds() * 1000) / 1000.0).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // seconds | preferred | allowed | expected lengths
      "30 | 0  | 5 10    | 5 5 5 5 5 5",
      "30 | 10 | 5 10    | 10 10 10",
      "30 | 7.5| 10 5    | 10 10 10",
      "12 | 0  | 4 8 12  | 4 4 4",
      "12 | 12 | 12 8 4  | 12",
      "12 | 6  | 4 8 12  | 4 8",
      "30 | 0  | 4 6 8   | 4 4 4 4 4 4 6",
      "8  | 0  | 4 6 8   | 4 4"})
  void everyClipIsAnAllowedLengthAndTheyTileTheDuration(double seconds, double preferred,
      String allowed, String expected) {
    Plan plan = plan(seconds, preferred, null, numbers(allowed).toArray(Double[]::new));
    PlanInvariants.check(plan, "plan");
    assertThat(lengths(plan)).containsExactlyElementsOf(numbers(expected));
    assertThat(plan.clips().get(plan.clips().size() - 1).endSeconds()).isEqualTo(seconds);
    assertThat(plan.clipFit()).isEmpty();
    assertThat(plan.clipLengths().seconds()).isSorted();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // seconds | allowed | expected lengths (the last trimmed) | rendered and not used
      "12   | 5 10 | 5 7       | 3",
      "10.2 | 5 10 | 5 5.2     | 4.8",
      "3    | 5 10 | 3         | 2",
      "10.5 | 5    | 5 5 0.5   | 4.5",
      "31   | 4 8 12 | 4 4 4 4 4 4 4 3 | 1",
      // 2.5 + 0.25 would waste 2.25 s, but a last clip under 2 s is a flash: one 6 s render.
      "2.75 | 2.5 6 | 2.75 | 3.25"})
  void aDurationNoLengthsMakeKeepsItAndTrimsOnlyTheLastClip(double seconds, String allowed,
      String expected, double wasted) {
    Plan plan = plan(seconds, 0, null, numbers(allowed).toArray(Double[]::new));
    PlanInvariants.check(plan, "plan");
    assertThat(lengths(plan)).containsExactlyElementsOf(numbers(expected));
    assertThat(plan.clips().get(plan.clips().size() - 1).endSeconds()).isEqualTo(seconds);
    assertThat(plan.clipFit()).contains("is not a sum of").contains("trimmed")
        .contains(ClipLengths.number(wasted) + " s rendered and not used");
  }

  /**
   * The render thrown away is the least any cut into allowed lengths allows: the shortest sum of
   * allowed lengths that covers the duration, found by listing sums, minus the duration.
   */
  @Test
  void theWasteIsTheLeastAnyCutAllows() {
    // Kling/Runway, Veo, Sora: lengths where no least-waste cut needs a last clip under 2 s.
    for (List<Double> allowed : List.of(List.of(5.0, 10.0), List.of(4.0, 6.0, 8.0), List.of(4.0, 8.0, 12.0))) {
      for (double seconds = 1; seconds <= 45; seconds += 0.25) {
        Plan plan = plan(seconds, 0, null, allowed.toArray(Double[]::new));
        PlanInvariants.check(plan, "plan");
        double last = plan.clips().get(plan.clips().size() - 1).durationSeconds();
        double wasted = plan.clipLengths().snapUp(last) - last;
        assertThat(wasted).as("%s s of %s", seconds, allowed)
            .isCloseTo(coveringSum(seconds, allowed) - seconds, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }

  private static double coveringSum(double seconds, List<Double> allowed) {
    TreeSet<Long> sums = new TreeSet<>(List.of(0L));
    long target = Math.round(seconds * 1000);
    for (long s = 0; s < target; s = sums.higher(s)) {
      for (double a : allowed) {
        sums.add(s + Math.round(a * 1000));
      }
    }
    return sums.ceiling(target) / 1000.0;
  }

  @Test
  void overMusicTheLengthsStayAndTheirOrderPutsCutsOnBars() {
    // 120 bpm in 4/4 from 0: a bar every 2 s. 5 + 8 cuts at 5 s, on a beat; 8 + 5 at 8 s, a bar.
    MusicGrid grid = MusicTimingTest.track(13, 120, 0);
    Plan plan = plan(13, 0, grid, 5.0, 8.0);
    PlanInvariants.check(plan, "plan");
    assertThat(lengths(plan)).containsExactly(8.0, 5.0);
    assertThat(plan.clips().get(1).cut()).isEqualTo("bar");
    // Off the grid by more than a frame, a cut says it is on nothing.
    Plan off = plan(13, 0, MusicTimingTest.track(13, 120, 0.3), 5.0, 8.0);
    assertThat(off.clips().get(1).cut()).isEmpty();
  }

  static List<Double> numbers(String words) {
    List<Double> out = new ArrayList<>();
    for (String w : words.strip().split("\\s+")) {
      out.add(Double.parseDouble(w));
    }
    return out;
  }
}
