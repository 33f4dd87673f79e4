package dev.reelmesh.orchestrator.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.LyricLine;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UserReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole offline job, with a reference, prompt enhancement, narration and a lyric past the end
 * (so every stage body and its warnings report): every event lies in the band of the stage it
 * names, the stream never goes back, each stage starts at its band's start, and the storyboard's
 * frames land where their fractions of its band say.
 */
class StageBandsJobTest {
  @TempDir Path dir;

  @Test
  void everyEventOfAWholeJobStaysInItsStagesBandAndNeverGoesBack() throws Exception {
    List<JobEvent> events;
    try (TestMesh mesh = TestMesh.start(dir)) {
      JobSpec spec = TestMesh.quickSpec("our red ceramic mug on a desk", 8)
          .setEnhancementRounds(1)
          .addReferences(UserReference.newBuilder().setLabel("the mug")
              .setImage(ImageSource.newBuilder().setData(ByteString.copyFrom(
                  TestMedia.png(64, 64)))))
          .addLyrics(LyricLine.newBuilder().setText("after the end").setStartSeconds(9)
              .setEndSeconds(10))
          .build();
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      events = mesh.watchToEnd(id, 0);
      assertThat(mesh.job(id).getState()).as("%s", mesh.job(id).getError())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    }
    double before = 0;
    for (JobEvent event : events) {
      var band = Stages.of(event.getStage()).band();
      assertThat(event.getPercent()).as("%s %.2f%% '%s' in %s", event.getStage(),
          event.getPercent(), event.getMessage(), band)
          .isBetween(band.from(), band.to()).isGreaterThanOrEqualTo(before);
      before = event.getPercent();
    }
    assertThat(before).isEqualTo(100);
    for (dev.reelmesh.orchestrator.stage.Stage stage : Stages.ALL) {
      JobEvent first = events.stream().filter(e -> e.getStage() == stage.id()).findFirst()
          .orElseThrow(() -> new AssertionError(stage + " reported nothing"));
      assertThat(first.getPercent()).as("%s starts at its band's start: '%s'", stage,
          first.getMessage()).isEqualTo(stage.band().from());
    }
    // Warnings from stage bodies go through the running stage's band too.
    assertThat(events).filteredOn(e -> e.hasWarning()
            && e.getWarning().getCode().equals("lyrics_after_end"))
        .singleElement().satisfies(e -> assertThat(e.getPercent()).isEqualTo(
            Stages.of(Stage.STAGE_PLAN).band().at(MusicCut.ANALYSED)));
    List<JobEvent> chosen = events.stream().filter(JobEvent::hasBestFrame).toList();
    var storyboard = Stages.of(Stage.STAGE_STORYBOARD).band();
    assertThat(chosen).hasSizeGreaterThanOrEqualTo(2);
    for (int k = 0; k < chosen.size(); k++) {
      assertThat(chosen.get(k).getPercent()).as("frame %d of %d", k + 1, chosen.size())
          .isCloseTo(storyboard.at((k + 1.0) / chosen.size()),
              org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(events).filteredOn(JobEvent::hasEnhancement).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getStage()).isEqualTo(Stage.STAGE_STORYBOARD));
  }
}
