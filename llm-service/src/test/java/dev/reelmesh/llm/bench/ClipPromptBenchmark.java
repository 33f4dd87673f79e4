package dev.reelmesh.llm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.llm.clipprompt.ClipPromptGenerator;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.offline.OfflineEngine;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.VideoFamily;
import dev.reelmesh.llm.testing.Plans;
import dev.reelmesh.v1.GenerateClipPromptsRequest;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.ScenePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deterministic clip prompt generation for 20 clips against the PRD's 5 s target. Not part of
 * the suite (the class name does not match surefire's includes); run it explicitly:
 * {@code ./mvnw -o -B -pl llm-service -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ClipPromptBenchmark}.
 * It prints figures; it asserts only correctness, never speed.
 */
class ClipPromptBenchmark {
  private static final int WARMUP = 300;
  private static final int RUNS = 2_000;

  @Test
  void twentyClipsDeterministic() throws Exception {
    OfflineEngine offline = new OfflineEngine();
    ClipPromptGenerator generator = new ClipPromptGenerator(new EngineRouter(offline, offline));
    Plan plan = Plans.plan(20, 4);
    for (int i = 0; i < WARMUP; i++) {
      generator.generate(plan, List.of(), VideoFamily.GENERIC, false);
    }
    double[] direct = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      var out = generator.generate(plan, List.of(), VideoFamily.GENERIC, false);
      direct[i] = (System.nanoTime() - t0) / 1e6;
      assertThat(out.value().prompts()).hasSize(20);
    }

    Path dir = Files.createTempDirectory("bench");
    double[] rpc = new double[RUNS];
    try (InProcessService s = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), LlmConfig.fromEnv(Map.of())))) {
      var llm = LlmServiceGrpc.newBlockingStub(s.channel());
      ScenePlan plan80 = llm.planScript(PlanScriptRequest.newBuilder().setBrief("A music video in neon rain")
          .setDurationSeconds(80).build()).getPlan();
      assertThat(plan80.getClipsCount()).isEqualTo(20);
      GenerateClipPromptsRequest request = GenerateClipPromptsRequest.newBuilder().setPlan(plan80).build();
      for (int i = 0; i < WARMUP; i++) {
        llm.generateClipPrompts(request);
      }
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        llm.generateClipPrompts(request);
        rpc[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    report("generator (templates + validator), 20 clips", direct);
    report("GenerateClipPrompts over in-process gRPC, 20 clips", rpc);
  }

  private static void report(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    double median = s[s.length / 2];
    System.out.printf("BENCH %s: runs=%d median=%.3f ms p90=%.3f ms max=%.3f ms; 5 s target / median = %.0fx%n",
        what, s.length, median, s[(int) (s.length * 0.9)], s[s.length - 1], 5_000 / median);
  }
}
