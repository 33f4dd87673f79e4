package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.fal.FalConfig;
import dev.reelmesh.orchestrator.provider.fal.FalEntry;
import dev.reelmesh.orchestrator.provider.gemini.GeminiConfig;
import dev.reelmesh.orchestrator.provider.gemini.GeminiEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.provider.runway.RunwayConfig;
import dev.reelmesh.orchestrator.provider.runway.RunwayEntry;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.ProviderScope;
import dev.reelmesh.orchestrator.stage.Providers;
import dev.reelmesh.orchestrator.testing.FakeFal;
import dev.reelmesh.orchestrator.testing.FakeGemini;
import dev.reelmesh.orchestrator.testing.FakeRunway;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ProviderChoices;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole offline-mesh job per remote video provider, against its fake: every clip created once,
 * downloaded, probed and stitched, billed at its estimate.
 */
class VendorJobTest {
  @TempDir Path dir;

  static final Map<String, Function<FakeVideoApi, VideoEntry>> ENTRIES = Map.of(
      "fal", f -> new FalEntry(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
          FalConfig.QUEUE_URL_VARIABLE, f.baseUrl())).withFastTimings()),
      "gemini", f -> new GeminiEntry(GeminiConfig.fromEnv(Map.of(GeminiConfig.KEY_VARIABLE,
          FakeGemini.KEY, GeminiConfig.BASE_URL_VARIABLE, f.baseUrl())).withFastTimings()),
      "runway", f -> new RunwayEntry(RunwayConfig.fromEnv(Map.of(RunwayConfig.SECRET_VARIABLE,
          FakeRunway.SECRET, RunwayConfig.BASE_URL_VARIABLE, f.baseUrl())).withFastTimings()));

  static FakeVideoApi fake(String provider) throws Exception {
    return switch (provider) {
      case "fal" -> FakeFal.start();
      case "gemini" -> FakeGemini.start();
      default -> FakeRunway.start();
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"fal", "gemini", "runway"})
  void aWholeJobRendersEveryClipOnceAndBillsItsEstimate(String provider) throws Exception {
    try (FakeVideoApi fake = fake(provider);
        TestMesh mesh = TestMesh.start(dir, null, TestRegistries.with(
            List.of(ENTRIES.get(provider).apply(fake))))) {
      fake.mp4 = TestMedia.mp4(mesh, 10);
      if (fake instanceof FakeFal fal) {
        fal.queueFirst = true; // every request waits at positions 2, then 1
      }
      long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
      JobSpec.Builder spec = TestMesh.quickSpec("a ceramic kettle pouring at dawn", 8);
      spec.getProvidersBuilder().setImage("animatic").setVideo(provider).setSpeech("none");
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      List<JobEvent> events = mesh.watchToEnd(id, 0);

      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      int clips = job.getResult().getPlan().getClipsCount();
      assertThat(fake.count(FakeVideoApi.CREATE)).isEqualTo(clips);
      assertThat(fake.count(FakeVideoApi.FILE)).isEqualTo(clips);
      assertThat(job.getResult().getEnginesMap().get("video").getEngine()).isEqualTo(provider);
      List<CostLine> video = job.getResult().getCost().getLinesList().stream()
          .filter(l -> l.getStage().equals("clips")).toList();
      assertThat(video).hasSize(clips).allSatisfy(l -> {
        assertThat(l.getProvider()).isEqualTo(provider);
        assertThat(l.getActualMicros()).isEqualTo(l.getEstimatedMicros()).isPositive();
      });
      assertThat(mesh.engine().ledger().budget().getSpentMicros() - spentBefore)
          .isEqualTo(video.stream().mapToLong(CostLine::getActualMicros).sum());
      List<String> queued = events.stream().filter(JobEvent::hasQueued)
          .map(e -> e.getQueued().getStep() + " " + e.getQueued().getPosition()).toList();
      if (provider.equals("fal")) {
        for (int clip = 1; clip <= clips; clip++) {
          assertThat(queued).as("clip %d's queue positions are job events", clip)
              .containsSubsequence("fal (clip " + clip + ") 2", "fal (clip " + clip + ") 1");
        }
        assertThat(queued).hasSize(2 * clips);
      } else {
        assertThat(queued).isEmpty();
      }
      String report = java.nio.file.Files.readString(mesh.file(job.getResult().getReport()));
      if (provider.equals("fal")) {
        for (int clip = 1; clip <= clips; clip++) {
          String step = "fal (clip " + clip + ")";
          String requestId = events.stream().filter(JobEvent::hasQueued)
              .map(JobEvent::getQueued).filter(q -> q.getStep().equals(step))
              .findFirst().orElseThrow().getProviderJobId();
          assertThat(report).as("the report's queue row of clip %d", clip)
              .containsPattern("\\| fal \\(clip " + clip + "\\) \\| "
                  + java.util.regex.Pattern.quote(requestId) + " \\| 2 → 1 \\| \\d+\\.\\d \\|");
        }
      } else {
        assertThat(report).doesNotContain("## Provider queues");
      }
      assertThat(mesh.probe(job.getResult().getVideo()).getDurationSeconds())
          .isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.15));
    }
  }
}
