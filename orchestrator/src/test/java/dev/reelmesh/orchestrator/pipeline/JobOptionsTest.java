package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UserReference;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job options beyond the default run: approval gate, references, captions only, estimates. */
class JobOptionsTest {
  @TempDir Path dir;

  @Test
  void aJobWaitsAtThePlanGateAndContinuesWithTheRefinedPlan() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a street food stall at night", 8).setNarrationOff(true)
              .setRequirePlanApproval(true)).build()).getJobId();
      awaitState(mesh, id, JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);

      Job approved = mesh.pipeline().approvePlan(ApprovePlanRequest.newBuilder().setJobId(id)
          .setRefineInstruction("make clip 1 a close-up").build());
      assertThat(approved.getState()).isNotEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      Job done = mesh.job(id);
      assertThat(done.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      List<JobEvent> plans = events.stream().filter(JobEvent::hasPlanReady).toList();
      assertThat(plans).hasSize(2);
      assertThat(plans.get(1).getPlanReady().getPlan().getClips(0).getCamera())
          .containsIgnoringCase("close");
      assertThat(done.getResult().getPlan()).isEqualTo(plans.get(1).getPlanReady().getPlan());
      assertThatThrownBy(() -> mesh.pipeline().approvePlan(ApprovePlanRequest.newBuilder()
              .setJobId(id).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
              e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }
  }

  @Test
  void aPreferredClipLengthCutsThePlanAndItsDryRunAlike() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      JobSpec spec = TestMesh.quickSpec("a kite over a windy beach", 12).setNarrationOff(true)
          .setVariations(1).setPreferredClipSeconds(6).build();
      EstimateCostResponse estimate = mesh.pipeline().estimateCost(EstimateCostRequest
          .newBuilder().setSpec(spec).build());
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      mesh.watchToEnd(id, 0);
      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(job.getResult().getPlan().getClipsList()).hasSize(2).allSatisfy(c ->
          assertThat(c.getEndSeconds() - c.getStartSeconds()).isCloseTo(6.0,
              org.assertj.core.data.Offset.offset(1.0)));
      assertThat(estimate.getPlan().getClipsCount()).isEqualTo(2);
      // Shorter clips asked for: more of them.
      EstimateCostResponse shorter = mesh.pipeline().estimateCost(EstimateCostRequest
          .newBuilder().setSpec(spec.toBuilder().setPreferredClipSeconds(3)).build());
      assertThat(shorter.getPlan().getClipsCount()).isEqualTo(4);
    }
  }

  @Test
  void aUserReferenceAnchorsEveryStoryboardFrame() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      JobSpec spec = TestMesh.quickSpec("our red ceramic mug on a desk", 8).setNarrationOff(true)
          .addReferences(UserReference.newBuilder().setLabel("the mug")
              .setImage(ImageSource.newBuilder().setData(redSquarePng())))
          .build();
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(events).anyMatch(e -> e.getMessage().contains("'the mug' anchors the storyboard"));
      // The clip prompts switch to reference-aware wording; no URL is invented for a local file.
      dev.reelmesh.v1.ClipPrompts prompts = mesh.job(id).getResult().getPrompts();
      assertThat(prompts.getPromptsList()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.getMetadata().getReferenceMode())
            .isNotEqualTo(dev.reelmesh.v1.ReferenceMode.REFERENCE_MODE_TEXT_ONLY);
        assertThat(p.getSceneReferenceUrl()).isEmpty();
      });
      assertThat(prompts.getPromptsList()).anyMatch(p -> p.getPrompt().contains("reference"));
      for (FrameResult frame : mesh.job(id).getResult().getFramesList()) {
        BufferedImage chosen = ImageIO.read(mesh.file(frame.getVariations(frame.getChosen())
            .getImage()).toFile());
        assertThat(redPixels(chosen)).as("clip %d frame %s shows the reference",
            frame.getClipIndex(), frame.getFrame()).isGreaterThan(500);
      }
    }
  }

  @Test
  void withoutASpeechEngineTheVideoGetsCaptionsAndSaysSo() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      JobSpec.Builder spec = TestMesh.quickSpec("a calm lake at sunrise", 8);
      spec.getProvidersBuilder().setSpeech("none");
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      Job job = mesh.job(id);
      assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(events).filteredOn(JobEvent::hasFallback)
          .anyMatch(e -> e.getFallback().getComponent().equals("speech")
              && e.getFallback().getUsed().equals("captions only"));
      assertThat(job.getResult().hasCaptions()).isTrue();
      String srt = Files.readString(mesh.file(job.getResult().getCaptions()));
      assertThat(srt).contains("-->").contains(job.getResult().getPlan().getClips(0)
          .getNarration().strip().split("\\s+")[0]);
      assertThat(job.getResult().getEnginesMap().get("speech").getEngine())
          .isEqualTo("captions-only");
    }
  }

  @Test
  void estimateCostIsADryRunWithAPlanAndABill() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      EstimateCostResponse estimate = mesh.pipeline().estimateCost(EstimateCostRequest
          .newBuilder().setSpec(TestMesh.quickSpec("a kettle ad", 20)).build());
      assertThat(estimate.getPlan().getClipsCount()).isPositive();
      assertThat(estimate.getEstimate().getLinesList()).extracting(l -> l.getStage())
          .contains("storyboard", "clips", "audio");
      assertThat(estimate.getEstimate().getEstimatedTotalMicros()).isZero();
      assertThat(estimate.getWithinBudget()).isTrue();
      assertThat(mesh.pipeline().listJobs(dev.reelmesh.v1.ListJobsRequest.getDefaultInstance())
          .getJobsCount()).as("nothing submitted").isZero();
      Budget budget = mesh.pipeline().getBudget(GetBudgetRequest.getDefaultInstance());
      assertThat(budget.getMonth()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
      assertThat(budget.getMonthlyLimitMicros()).isEqualTo(50_000_000L);
      assertThat(budget.getRemainingMicros()).isEqualTo(50_000_000L);
      assertThatThrownBy(() -> mesh.pipeline().estimateCost(EstimateCostRequest.newBuilder()
              .setSpec(TestMesh.quickSpec("x", 700)).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
              e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
  }

  @Test
  void aReferenceThatIsNotAnImageIsRefusedAtSubmit() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      JobSpec spec = TestMesh.quickSpec("x", 8).addReferences(UserReference.newBuilder()
          .setImage(ImageSource.newBuilder().setData(ByteString.copyFromUtf8("not a png"))))
          .build();
      assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
              .setSpec(spec).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).startsWith("spec.references[0].image.data");
          });
    }
  }

  static void awaitState(TestMesh mesh, String id, JobState state) throws Exception {
    try (Context.CancellableContext context = Context.current().withCancellation()) {
      context.call(() -> {
        Iterator<JobEvent> events = mesh.pipeline().watchJob(WatchJobRequest.newBuilder()
            .setJobId(id).build());
        while (events.hasNext()) {
          if (events.next().getState() == state) {
            return null;
          }
        }
        throw new AssertionError("stream ended before " + state);
      });
    }
  }

  private static ByteString redSquarePng() throws Exception {
    BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(230, 20, 20));
    g.fillRect(0, 0, 200, 200);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return ByteString.copyFrom(png.toByteArray());
  }

  private static int redPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 180 && g < 80 && b < 80) {
          count++;
        }
      }
    }
    return count;
  }
}
