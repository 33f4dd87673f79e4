package dev.reelmesh.llm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.TokenBudgetLevel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DraftRepositoryBrief on this repository (scan, concepts, story, compression) over in-process
 * gRPC, offline. Not part of the suite (the class name does not match surefire's includes); run:
 * {@code ./mvnw -o -B -pl llm-service -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=RepositoryBriefBenchmark}.
 * It prints figures; it asserts only correctness, never speed.
 */
class RepositoryBriefBenchmark {
  private static final int WARMUP = 5;
  private static final int RUNS = 30;

  @Test
  void thisRepository() throws Exception {
    Path root = Path.of("..").toRealPath();
    try (InProcessService s = InProcessService.start(LlmServices.create(new MeshSettings(root, root),
        LlmConfig.fromEnv(Map.of("REELMESH_REPO_ROOTS", root.toString()))))) {
      LlmServiceGrpc.LlmServiceBlockingStub llm = LlmServiceGrpc.newBlockingStub(s.channel());
      DraftRepositoryBriefRequest request = DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(root.toString())
          .setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD).build();
      DraftRepositoryBriefResponse last = null;
      for (int i = 0; i < WARMUP; i++) {
        last = llm.draftRepositoryBrief(request);
      }
      double[] ms = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        last = llm.draftRepositoryBrief(request);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      assertThat(last.getTitle()).isEqualTo("reelmesh");
      System.out.printf("BENCH draft-repository-brief files=%d kinds=%s median=%.1f ms p90=%.1f ms max=%.1f ms%n",
          last.getFilesScanned(), last.getFilesByKindMap(), ms[RUNS / 2], ms[(int) (RUNS * 0.9)], ms[RUNS - 1]);
    }
  }
}
