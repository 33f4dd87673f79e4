package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.plan.music.Lyric;
import dev.reelmesh.llm.plan.music.MusicGrid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Music videos: cuts land on the music, energy drives intensity, lyrics go to their clips. */
class MusicTimingTest {
  private static final OfflinePlanner PLANNER = new OfflinePlanner();

  /** A track of {@code seconds} at {@code bpm} in 4/4, energy rising linearly from 0 to 1. */
  static MusicGrid track(double seconds, double bpm, double offset) {
    List<Double> beats = new ArrayList<>();
    List<Double> bars = new ArrayList<>();
    List<Float> energy = new ArrayList<>();
    double step = 60 / bpm;
    for (int i = 0; offset + i * step <= seconds; i++) {
      double t = Math.round((offset + i * step) * 1000) / 1000.0;
      beats.add(t);
      if (i % 4 == 0) {
        bars.add(t);
      }
      energy.add((float) (t / seconds));
    }
    return MusicGrid.validated(beats, bars, energy, seconds, "music");
  }

  private static Plan plan(double seconds, MusicGrid grid, List<Lyric> lyrics) {
    return PLANNER.plan(PlanRequest.validated("a music video: a couple dancing on a rooftop at night", seconds,
        "16:9", "", "", true, 3, 0, VideoFamily.GENERIC).withMusic(grid, lyrics));
  }

  @Test
  void innerCutsLandOnBarsAndIntensityFollowsTheEnergy() {
    MusicGrid grid = track(30, 100, 0.3); // bars every 2.4 s from 0.3 s: none on the even 4 s grid
    Plan plan = plan(30, grid, List.of());
    PlanInvariants.check(plan, "plan");
    for (PlanClip c : plan.clips().subList(1, plan.clips().size())) {
      assertThat(c.cut()).isEqualTo("bar");
      assertThat(grid.bars()).contains(c.startSeconds());
    }
    assertThat(plan.clips()).allMatch(c -> c.durationSeconds() >= 2 && c.durationSeconds() <= 12);
    for (PlanClip c : plan.clips()) {
      double sum = 0;
      int n = 0;
      for (double b : grid.beats()) {
        if (b >= c.startSeconds() && b < c.endSeconds()) {
          sum += b / 30;
          n++;
        }
      }
      assertThat((double) c.beatIntensity()).isCloseTo(sum / n, org.assertj.core.data.Offset.offset(0.011));
    }
    assertThat(plan.clips().get(plan.clips().size() - 1).beatIntensity())
        .isGreaterThan(plan.clips().get(0).beatIntensity());
  }

  @Test
  void withoutBarsCutsTakeBeatsAndWithoutAFittingBeatTheCutSaysSo() {
    MusicGrid beatsOnly = MusicGrid.validated(List.of(0.0, 3.7, 7.9, 11.6, 15.0), List.of(), List.of(), 16, "music");
    Plan plan = plan(16, beatsOnly, List.of());
    assertThat(plan.clips()).extracting(PlanClip::cut).containsExactly("", "beat", "beat", "beat");
    assertThat(plan.clips()).extracting(PlanClip::startSeconds).containsExactly(0.0, 3.7, 7.9, 11.6);

    MusicGrid sparse = MusicGrid.validated(List.of(0.0, 15.5), List.of(), List.of(), 16, "music");
    Plan unsnapped = plan(16, sparse, List.of());
    PlanInvariants.check(unsnapped, "plan");
    assertThat(unsnapped.clips()).extracting(PlanClip::cut).containsOnly("");
  }

  @Test
  void lyricsGoToTheClipsTheyAreSungInAndReplaceNarration() {
    List<Lyric> timed = List.of(new Lyric("city lights are calling", 0.5, 3.0),
        new Lyric("dance until the morning", 9.0, 10.5));
    Plan plan = plan(12, MusicGrid.NONE, timed);
    assertThat(plan.clips()).extracting(PlanClip::lyrics)
        .containsExactly("city lights are calling", "", "dance until the morning");
    assertThat(plan.clips()).allMatch(c -> c.narration().isEmpty());

    List<Lyric> untimed = List.of(new Lyric("one", 0, 0), new Lyric("two", 0, 0), new Lyric("three", 0, 0),
        new Lyric("four", 0, 0), new Lyric("five", 0, 0), new Lyric("six", 0, 0));
    Plan spread = plan(12, MusicGrid.NONE, untimed);
    assertThat(spread.clips()).extracting(PlanClip::lyrics).containsExactly("one / two", "three / four", "five / six");
  }
}
