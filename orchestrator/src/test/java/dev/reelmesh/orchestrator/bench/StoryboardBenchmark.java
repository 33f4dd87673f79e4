package dev.reelmesh.orchestrator.bench;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.ScoringRuntime;
import dev.reelmesh.v1.EnhancePromptRequest;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The storyboard's work for the offline 30 s job as one process, to time from outside (e.g.
 * {@code /usr/bin/time -v}): the plan from the in-process llm service, then per frame (8 clips ×
 * start and end) the prompt enhancement, 4 animatic variations at 1280×720 and one
 * RankVariations call with all four, over the in-process scoring service, as the storyboard
 * stage does them (without its events and step records). It uses only APIs older builds have
 * too, so the same file times a checkout from before a change. Prints the storyboard's own
 * seconds; asserts nothing.
 *
 * <pre>java -cp "orchestrator/target/test-classes:orchestrator/target/orchestrator.jar:orchestrator/target/lib/*" \
 *   dev.reelmesh.orchestrator.bench.StoryboardBenchmark</pre>
 */
public final class StoryboardBenchmark {
  private StoryboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("storyboard-bench");
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    ArtifactStore artifacts = new ArtifactStore(settings.artifactRoot());
    String brief = "a 30-second ad for a ceramic pour-over kettle, warm morning light";
    try (ScoringRuntime scoring = ScoringRuntime.open(settings, ScoringConfig.defaults())) {
      ServiceHost llmHost = ServiceHost.start(Transports.inProcess("bench-llm"),
          LlmServices.create(settings));
      ServiceHost scoringHost = ServiceHost.start(Transports.inProcess("bench-scoring"),
          scoring.services());
      ManagedChannel llm = Transports.inProcessChannel("bench-llm");
      ManagedChannel scorer = Transports.inProcessChannel("bench-scoring");
      ScenePlan plan = LlmServiceGrpc.newBlockingStub(llm).planScript(PlanScriptRequest
          .newBuilder().setBrief(brief).setDurationSeconds(30).build()).getPlan();
      AnimaticImageProvider images = new AnimaticImageProvider();
      long started = System.nanoTime();
      int frames = 0;
      for (int clip = 0; clip < plan.getClipsCount(); clip++) {
        for (FrameKind kind : List.of(FrameKind.FRAME_KIND_START, FrameKind.FRAME_KIND_END)) {
          String prompt = LlmServiceGrpc.newBlockingStub(llm).enhancePrompt(EnhancePromptRequest
              .newBuilder().setPrompt(plan.getClips(clip).getVisualDescription())
              .setStyle(plan.getStyle()).setMaxRounds(4).build()).getEnhancedPrompt();
          List<Path> variations = images.generate(new ImageRequest(prompt, plan, clip, kind, 4,
              new FrameSize(1280, 720), 1, null, List.of(),
              artifacts.root().resolve("frames")));
          RankVariationsRequest.Builder rank = RankVariationsRequest.newBuilder()
              .setPrompt(prompt);
          for (Path image : variations) {
            rank.addImages(ImageSource.newBuilder().setArtifact(
                artifacts.describe(image, "image/png")));
          }
          ScoringServiceGrpc.newBlockingStub(scorer).rankVariations(rank.build());
          frames++;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "BENCH storyboard %d frames x 4 variations 1280x720: %.2f s"
          + "%n", frames, seconds);
      llm.shutdownNow();
      scorer.shutdownNow();
      llmHost.shutdown(1000);
      scoringHost.shutdown(1000);
    }
    System.exit(0);
  }
}
