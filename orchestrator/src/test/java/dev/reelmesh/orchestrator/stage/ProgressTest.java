package dev.reelmesh.orchestrator.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.Stage;
import org.junit.jupiter.api.Test;

/** The band list is the one place percentages come from; a stage speaks in fractions of it. */
class ProgressTest {
  @Test
  void theBandsCoverTheJobFromZeroToOneHundredInOrderWithoutGaps() {
    double edge = 0;
    for (dev.reelmesh.orchestrator.stage.Stage stage : Stages.ALL) {
      assertThat(stage.band().from()).as("%s starts where the one before ends", stage)
          .isEqualTo(edge);
      assertThat(stage.band().to()).as("%s", stage).isGreaterThanOrEqualTo(stage.band().from());
      edge = stage.band().to();
    }
    assertThat(edge).isEqualTo(100);
    assertThat(Stages.ALL).extracting(dev.reelmesh.orchestrator.stage.Stage::id)
        .isSortedAccordingTo(java.util.Comparator.comparingInt(Stage::getNumber));
  }

  @Test
  void aFractionOfTheRunningStageBecomesThePercentOfItsBand() {
    Progress progress = new Progress();
    progress.enter(Stages.of(Stage.STAGE_CLIPS));
    assertThat(progress.here()).isEqualTo(new Progress.Point(Stage.STAGE_CLIPS, 40));
    assertThat(progress.reach(0.5)).isEqualTo(new Progress.Point(Stage.STAGE_CLIPS, 62.5));
    assertThat(progress.reach(1)).isEqualTo(new Progress.Point(Stage.STAGE_CLIPS, 85));
    progress.enter(Stages.of(Stage.STAGE_AUDIO));
    assertThat(progress.here()).isEqualTo(new Progress.Point(Stage.STAGE_AUDIO, 85));
  }

  @Test
  void clipsFinishingOutOfOrderNeverMoveItBack() {
    Progress progress = new Progress();
    progress.enter(Stages.of(Stage.STAGE_CLIPS));
    progress.reach(2.0 / 3);
    assertThat(progress.reach(1.0 / 3).percent()).isEqualTo(70);
    assertThat(progress.here().percent()).isEqualTo(70);
  }

  @Test
  void aFractionOutsideTheBandIsAStageBugNotAQuietClamp() {
    Progress progress = new Progress();
    progress.enter(Stages.of(Stage.STAGE_STORYBOARD));
    assertThatThrownBy(() -> progress.reach(1.2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STAGE_STORYBOARD").hasMessageContaining("1.2");
    assertThatThrownBy(() -> progress.reach(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> progress.reach(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(progress.here().percent()).isEqualTo(20);
    assertThatThrownBy(() -> new Progress().here()).isInstanceOf(IllegalStateException.class);
  }
}
