package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.testing.ClickTrack;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.LyricLine;
import dev.reelmesh.v1.MusicChoice;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.SubmitJobRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A music video: the user's music is a click track of known tempo (97 BPM, so no clip length the
 * planner would pick unaided lands on its beats), louder in its second half; the plan is cut to
 * its beats, each clip's beat intensity follows the clicks' loudness and carries its lyrics, and
 * the video keeps its exact length.
 */
class MusicVideoJobTest {
  static final double SECONDS = 12;
  static final ClickTrack TRACK = new ClickTrack(97, 0.25, 14, 6);
  @TempDir Path dir;

  @Test
  void thePlanIsCutToTheMusicsBeatsAndTheVideoKeepsItsLength() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      Path wav = TRACK.write(mesh.settings.artifactRoot().resolve("uploads/clicks.wav"));
      JobSpec.Builder spec = TestMesh.quickSpec("a music video of a lighthouse at night",
          SECONDS).setMusic(MusicChoice.newBuilder().setFile(
              new ArtifactStore(mesh.settings.artifactRoot()).describe(wav, "audio/wav")))
          .addLyrics(line("the light turns slowly", 1, 4))
          .addLyrics(line("ships come home", 6, 9))
          .addLyrics(line("after the song ends", 13, 14));
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      JobResult result = job.getResult();

      JobEvent music = events.stream().filter(e -> e.getMessage().startsWith("music: "))
          .findFirst().orElseThrow();
      Matcher bpm = Pattern.compile("music: ([0-9.]+) BPM").matcher(music.getMessage());
      assertThat(bpm.find()).isTrue();
      assertThat(Double.parseDouble(bpm.group(1))).isCloseTo(97, within(2.0));

      List<PlannedClip> clips = result.getPlan().getClipsList();
      assertThat(clips).hasSizeGreaterThan(1);
      assertThat(clips.get(0).getStartSeconds()).isZero();
      assertThat(clips.get(clips.size() - 1).getEndSeconds()).isCloseTo(SECONDS, within(1e-6));
      for (int i = 1; i < clips.size(); i++) {
        double cut = clips.get(i).getStartSeconds();
        assertThat(clips.get(i - 1).getEndSeconds()).isEqualTo(cut);
        assertThat(TRACK.distanceToBeat(cut)).as("cut at %.3f s", cut).isLessThan(0.05);
        assertThat(clips.get(i).getCut()).isIn("bar", "beat");
      }
      // The clicks are three times as loud from 6 s on: the clips there are more intense.
      PlannedClip first = clips.get(0);
      PlannedClip last = clips.get(clips.size() - 1);
      assertThat(first.getEndSeconds()).isLessThanOrEqualTo(6.5);
      assertThat(last.getStartSeconds()).isGreaterThanOrEqualTo(5.5);
      assertThat(last.getBeatIntensity()).isGreaterThan(first.getBeatIntensity() + 0.2f);

      // Lyrics go to the clips they are sung in; the line after the video's end is dropped.
      for (PlannedClip c : clips) {
        boolean sungHere = c.getStartSeconds() < 4 && c.getEndSeconds() > 1;
        assertThat(c.getLyrics().contains("the light turns slowly")).isEqualTo(sungHere);
        assertThat(c.getLyrics()).doesNotContain("after the song ends");
      }
      assertThat(clips).anySatisfy(c -> assertThat(c.getLyrics()).contains("ships come home"));
      assertThat(events).anySatisfy(e -> assertThat(e.getWarning().getCode())
          .isEqualTo("lyrics_after_end"));

      assertThat(mesh.probe(result.getVideo()).getDurationSeconds())
          .isCloseTo(SECONDS, within(0.15));
      String report = Files.readString(mesh.file(result.getReport()), StandardCharsets.UTF_8);
      assertThat(report).contains("## Music cut", music.getMessage(), "ships come home");

      // The dry run prices the same cut: its plan's clips start where the job's do.
      ScenePlan dryRun = mesh.pipeline().estimateCost(dev.reelmesh.v1.EstimateCostRequest
          .newBuilder().setSpec(spec).build()).getPlan();
      assertThat(dryRun.getClipsList()).extracting(PlannedClip::getStartSeconds)
          .isEqualTo(clips.stream().map(PlannedClip::getStartSeconds).toList());
      assertThat(dryRun.getClipsList()).extracting(PlannedClip::getLyrics)
          .isEqualTo(clips.stream().map(PlannedClip::getLyrics).toList());
    }
  }

  @Test
  void aDryRunWhoseMusicCannotBeAnalysedSaysItPricedTheUntimedPlan() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      // Not audio at all: the analysis fails, as it would for the job (which falls back).
      Files.createDirectories(mesh.settings.artifactRoot().resolve("uploads"));
      Path notAudio = Files.write(mesh.settings.artifactRoot().resolve("uploads/broken.wav"),
          "not a wave file".getBytes(StandardCharsets.UTF_8));
      JobSpec.Builder spec = TestMesh.quickSpec("a music video of a lighthouse at night",
          SECONDS).setMusic(MusicChoice.newBuilder().setFile(
              new ArtifactStore(mesh.settings.artifactRoot()).describe(notAudio, "audio/wav")));
      dev.reelmesh.v1.EstimateCostResponse estimate = mesh.pipeline().estimateCost(
          dev.reelmesh.v1.EstimateCostRequest.newBuilder().setSpec(spec).build());
      assertThat(estimate.getWarningsList()).singleElement().asString()
          .startsWith("the music could not be analysed (MediaService.AnalyzeMusic: ")
          .endsWith("priced with clips not cut to it, as the job would fall back to");
      assertThat(estimate.getPlan().getClipsList()).allSatisfy(c ->
          assertThat(c.getCut()).isEmpty());
      // A plan the music could be read for carries no warning.
      Path wav = TRACK.write(mesh.settings.artifactRoot().resolve("uploads/clicks.wav"));
      assertThat(mesh.pipeline().estimateCost(dev.reelmesh.v1.EstimateCostRequest.newBuilder()
          .setSpec(spec.setMusic(MusicChoice.newBuilder().setFile(new ArtifactStore(
              mesh.settings.artifactRoot()).describe(wav, "audio/wav")))).build())
          .getWarningsList()).isEmpty();
    }
  }

  @Test
  void badLyricsAreRefusedAtSubmitNamingTheLine() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
          .setSpec(TestMesh.quickSpec("a song", 8).addLyrics(line("ok", 0, 1))
              .addLyrics(line(" ", 0, 0))).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).startsWith("spec.lyrics[1].text");
          });
      assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
          .setSpec(TestMesh.quickSpec("a song", 8).addLyrics(line("late", 5, 3))).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
              assertThat(e.getStatus().getDescription()).startsWith("spec.lyrics[0].end_seconds"));
      assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
          .setSpec(TestMesh.quickSpec("a song", 8).setClipCheckThreshold(101)).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
              assertThat(e.getStatus().getDescription()).startsWith("spec.clip_check_threshold"));
    }
  }

  static LyricLine line(String text, double start, double end) {
    return LyricLine.newBuilder().setText(text).setStartSeconds(start).setEndSeconds(end).build();
  }
}
