package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.FakeFal;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on fal's Kling (it renders 5 or 10 s clips only) is planned in those lengths: each clip
 * is asked of fal at exactly its slot, nothing rendered is thrown away, and the estimate prices
 * what is rendered.
 */
class ClipLengthsJobTest {
  @TempDir Path dir;

  @Test
  void aKlingJobIsPlannedInFiveSecondClipsAndAsksForExactlyThem() throws Exception {
    try (FakeVideoApi fal = FakeFal.start();
        TestMesh mesh = TestMesh.start(dir, null, TestRegistries.with(
            List.of(VendorJobTest.ENTRIES.get("fal").apply(fal))))) {
      fal.mp4 = TestMedia.mp4(mesh, 5);
      JobSpec.Builder spec = TestMesh.quickSpec("a ceramic kettle pouring at dawn", 15);
      spec.getProvidersBuilder().setImage("animatic").setVideo("fal:kling-2.1").setSpeech("none");
      long estimated = mesh.pipeline().estimateCost(EstimateCostRequest.newBuilder().setSpec(spec)
          .build()).getEstimate().getLinesList().stream().filter(l -> l.getStage().equals("clips"))
          .mapToLong(CostLine::getEstimatedMicros).sum();
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      mesh.watchToEnd(id, 0);

      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      ScenePlan plan = job.getResult().getPlan();
      assertThat(plan.getAllowedClipSecondsList()).containsExactly(5.0, 10.0);
      assertThat(plan.getClipsList()).extracting(c -> c.getEndSeconds() - c.getStartSeconds())
          .containsExactly(5.0, 5.0, 5.0);
      // fal is asked for each clip's slot, not the slot plus a dissolve snapped up to 10 s.
      assertThat(fal.created).extracting(c -> c.path("duration").asText())
          .containsExactly("5", "5", "5");
      List<CostLine> billed = job.getResult().getCost().getLinesList().stream()
          .filter(l -> l.getStage().equals("clips")).toList();
      assertThat(billed).hasSize(3);
      assertThat(billed.stream().mapToLong(CostLine::getActualMicros).sum()).isEqualTo(estimated)
          .isPositive();
      assertThat(mesh.probe(job.getResult().getVideo()).getDurationSeconds())
          .isCloseTo(15.0, Offset.offset(0.15));
    }
  }
}
