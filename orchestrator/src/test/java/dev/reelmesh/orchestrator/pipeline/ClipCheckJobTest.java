package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.orchestrator.testing.PaidFakeVideo;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ClipCheckPolicy;
import dev.reelmesh.v1.ClipChecked;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.FrameCheck;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.SubmitJobRequest;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered clips checked against their storyboard frames, on a paid fake provider whose first
 * render of every clip is a solid colour far from its frames and whose second is a blend of the
 * frames themselves. With no scoring model installed the check compares by thumbnails and says
 * so. Flagged clips are re-rendered once, held and charged like any render; flag-only jobs and
 * jobs whose cap has no room keep the flagged clip, visibly.
 */
class ClipCheckJobTest {
  static final long PRICE = 10_000; // $0.01 per second
  static final double THRESHOLD = 60;
  @TempDir Path dir;

  @Test
  void aFlaggedClipIsReRenderedOnceUnderTheBudgetAndSaysSo() throws Exception {
    PaidFakeVideo video = new PaidFakeVideo(PRICE);
    try (TestMesh mesh = TestMesh.start(dir, null, video)) {
      long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
      Run a = run(mesh, spec());
      int n = a.result.getPlan().getClipsCount();
      assertThat(a.job.getState()).as(a.job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      // One re-render per clip, never more.
      assertThat(video.renders.get()).isEqualTo(2 * n);
      assertThat(video.perClip.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(2));
      List<ClipChecked> checks = a.checks();
      assertThat(checks).hasSize(2 * n);
      for (int clip = 0; clip < n; clip++) {
        int index = clip;
        List<ClipChecked> mine = checks.stream().filter(c -> c.getClipIndex() == index).toList();
        assertThat(mine).extracting(ClipChecked::getAttempt).containsExactly(1, 2);
        ClipChecked first = mine.get(0);
        assertThat(first.getVerdict()).isEqualTo(ClipVerdict.CLIP_VERDICT_FLAGGED);
        assertThat(first.getAction()).startsWith("re-render once");
        assertThat(first.getScorersList()).containsExactly("storyboard: builtin-thumbnail");
        assertThat(first.getWarningsList()).anySatisfy(w -> assertThat(w)
            .startsWith("prompt not checked"));
        assertThat(first.getFramesList()).hasSize(3);
        assertThat(first.getReasonsList()).hasSize(3).allSatisfy(r -> assertThat(r)
            .matches("(start|middle|end) frame: match [0-9.]+ < 60\\.0 \\(storyboard [0-9.]+ by "
                + "builtin-thumbnail\\)"));
        // The solid frame against the storyboard's start frame, computed here from the pixels:
        // each channel is at 0 or 255, so its thumbnail distance is the frame's mean distance.
        double expected = solidSimilarity(mesh, frame(a.result, clip, FrameKind.FRAME_KIND_START));
        assertThat(first.getFrames(0).getStoryboardSimilarity()).isCloseTo(expected, within(2.0))
            .isLessThan(THRESHOLD);
        assertThat(mine.get(1).getVerdict()).isEqualTo(ClipVerdict.CLIP_VERDICT_PASS);
        assertThat(mine.get(1).getScore()).isGreaterThanOrEqualTo(THRESHOLD);
        // The video uses the re-render.
        assertThat(a.result.getClips(clip).getUri()).endsWith("-recheck.mp4");
      }
      assertThat(a.events.stream().filter(JobEvent::hasRetry).map(e -> e.getRetry().getStep()))
          .hasSize(n).allMatch(s -> s.endsWith("render (re-render after a failed clip check)"));
      // Both renders of every clip are billed, and the ledger counts exactly the job's bill.
      List<CostLine> lines = a.videoLines();
      assertThat(lines).hasSize(2 * n);
      long billed = lines.stream().mapToLong(CostLine::getActualMicros).sum();
      assertThat(billed).isEqualTo(2 * firstRenders(video, a.result));
      assertThat(mesh.engine().ledger().budget().getSpentMicros() - spentBefore)
          .isEqualTo(a.result.getCost().getActualTotalMicros()).isEqualTo(billed);
      assertThat(mesh.probe(a.result.getVideo()).getDurationSeconds()).isCloseTo(8, within(0.15));
      String report = Files.readString(mesh.file(a.result.getReport()), StandardCharsets.UTF_8);
      assertThat(report).contains("## Clip checks", "**flagged**", "builtin-thumbnail");

      // Flag only: the same clips flagged, none rendered again.
      video.perClip.clear();
      Run b = run(mesh, spec().setClipChecks(ClipCheckPolicy.CLIP_CHECK_POLICY_FLAG_ONLY));
      assertThat(b.job.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(video.renders.get()).isEqualTo(3 * n);
      assertThat(b.checks()).hasSize(n).allSatisfy(c -> {
        assertThat(c.getVerdict()).isEqualTo(ClipVerdict.CLIP_VERDICT_FLAGGED);
        assertThat(c.getAction()).isEqualTo("kept: re-render off (spec.clip_checks)");
      });
      assertThat(b.events).noneMatch(JobEvent::hasRetry);

      // A cap with room for the first renders only: each re-render is refused before any spend
      // and the flagged clip is kept, with a fallback event; the job still succeeds.
      video.perClip.clear();
      long cap = firstRenders(video, a.result);
      Run c = run(mesh, spec().setBudgetCapMicros(cap));
      assertThat(c.job.getState()).as(c.job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(video.renders.get()).isEqualTo(4 * n);
      assertThat(c.videoLines().stream().mapToLong(CostLine::getActualMicros).sum())
          .isEqualTo(cap);
      assertThat(c.events.stream().filter(JobEvent::hasFallback).map(JobEvent::getFallback)
          .filter(f -> f.getComponent().equals("clip_check")).toList()).hasSize(n)
          .allSatisfy(f -> assertThat(f.getReason()).startsWith("RESOURCE_EXHAUSTED"));
      assertThat(c.checks()).hasSize(n).allSatisfy(k -> assertThat(k.getAction())
          .startsWith("kept: re-render refused (RESOURCE_EXHAUSTED"));
    }
  }

  @Test
  void offlineStillsAreNotCheckedAndTheJobSaysWhy() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      // No pictogram matches a zorblat: the painter's placeholder is a warning, said once.
      Run run = run(mesh, TestMesh.quickSpec("an ad for a zorblat in a kitchen", 6));
      assertThat(run.job.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(run.result.getClipChecksList()).singleElement().satisfies(c -> {
        assertThat(c.getClipIndex()).isEqualTo(-1);
        assertThat(c.getSkipped()).startsWith("no clip file: offline stills");
      });
      assertThat(run.events).filteredOn(JobEvent::hasClipCheck).singleElement()
          .satisfies(e -> assertThat(e.getMessage()).contains("not checked: no clip file"));
      assertThat(run.events).filteredOn(e -> e.getWarning().getCode()
          .equals("placeholder_subject")).singleElement().satisfies(e -> assertThat(
              e.getMessage()).contains("no pictogram matches the subject \"zorblat\""));
      assertThat(Files.readString(mesh.file(run.result.getReport()), StandardCharsets.UTF_8))
          .contains("placeholder box");
    }
  }

  @Test
  void withScoringModelsInstalledTheCheckMatchesThePromptAndNamesTheModels() throws Exception {
    new TinyModels(42).installPairAndHead(dir.resolve("models"), 1);
    PaidFakeVideo video = new PaidFakeVideo(PRICE);
    video.wrong = (clip, call) -> false;
    try (TestMesh mesh = TestMesh.start(dir, null, video)) {
      Run run = run(mesh, TestMesh.quickSpec("a lighthouse keeper climbing the stairs at dusk", 6)
          .setClipChecks(ClipCheckPolicy.CLIP_CHECK_POLICY_FLAG_ONLY));
      assertThat(run.job.getState()).as(run.job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      int n = run.result.getPlan().getClipsCount();
      assertThat(video.renders.get()).isEqualTo(n);
      assertThat(run.checks()).hasSize(n).allSatisfy(c -> {
        assertThat(c.getSkipped()).isEmpty();
        assertThat(c.getScorersList()).containsExactly("prompt: clip: clip-vision@1+clip-text@1",
            "storyboard: embedding cosine: clip-vision@1");
        assertThat(c.getWarningsList()).isEmpty();
        assertThat(c.getThreshold()).isEqualTo(25);
        // Each frame's prompt match is the CLIP score of that frame against the clip's prompt,
        // asked of the scoring service here directly.
        ScoreImagesRequest.Builder direct = ScoreImagesRequest.newBuilder().addScorers("clip")
            .setPrompt(run.result.getPrompts().getPrompts(c.getClipIndex()).getPrompt());
        c.getFrameImagesList().forEach(f -> direct.addImages(ImageSource.newBuilder()
            .setArtifact(f)));
        ScoreImagesResponse scores = ScoringServiceGrpc.newBlockingStub(mesh.channels().scoring())
            .scoreImages(direct.build());
        assertThat(c.getFramesList()).hasSize(3);
        for (int i = 0; i < 3; i++) {
          FrameCheck f = c.getFrames(i);
          assertThat(f.getPromptMatch()).isCloseTo(scores.getResults(i).getScores(0).getValue(),
              within(1e-6));
          assertThat(f.getMatch()).isCloseTo((f.getPromptMatch() + f.getStoryboardSimilarity())
              / 2, within(1e-9));
        }
        boolean below = c.getFramesList().stream().anyMatch(f -> f.getMatch() < 25);
        assertThat(c.getVerdict()).isEqualTo(below ? ClipVerdict.CLIP_VERDICT_FLAGGED
            : ClipVerdict.CLIP_VERDICT_PASS);
      });
    }
  }

  private static JobSpec.Builder spec() {
    JobSpec.Builder spec = TestMesh.quickSpec("a lighthouse keeper climbing the stairs at dusk",
        8).setClipCheckThreshold(THRESHOLD);
    spec.getProvidersBuilder().setSpeech("none");
    return spec;
  }

  /** What the first render of every clip of the plan costs. */
  private static long firstRenders(PaidFakeVideo video, JobResult result) {
    long sum = 0;
    for (var line : result.getCost().getLinesList()) {
      if (line.getProvider().equals(PaidFakeVideo.NAME)) {
        sum += line.getActualMicros();
      }
    }
    return sum / 2; // job A rendered every clip twice at the same length
  }

  private static FrameResult frame(JobResult result, int clip, FrameKind kind) {
    return result.getFramesList().stream().filter(f -> f.getClipIndex() == clip
        && f.getFrame() == kind).findFirst().orElseThrow();
  }

  private static double solidSimilarity(TestMesh mesh, FrameResult frame) throws Exception {
    BufferedImage board = ImageIO.read(mesh.file(frame.getVariations(frame.getChosen())
        .getImage()).toFile());
    int solid = PaidFakeVideo.oppositeColour(board);
    double diff = 0;
    for (int y = 0; y < board.getHeight(); y++) {
      for (int x = 0; x < board.getWidth(); x++) {
        int p = board.getRGB(x, y);
        for (int shift : new int[] {16, 8, 0}) {
          diff += Math.abs((p >> shift & 0xff) - (solid >> shift & 0xff));
        }
      }
    }
    return 100 * (1 - diff / (3.0 * board.getWidth() * board.getHeight()) / 255);
  }

  private record Run(Job job, JobResult result, List<JobEvent> events) {
    List<ClipChecked> checks() {
      return result.getClipChecksList();
    }

    List<CostLine> videoLines() {
      return result.getCost().getLinesList().stream()
          .filter(l -> l.getProvider().equals(PaidFakeVideo.NAME)).toList();
    }
  }

  private static Run run(TestMesh mesh, JobSpec.Builder spec) {
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
        .getJobId();
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    return new Run(job, job.getResult(), events);
  }
}
