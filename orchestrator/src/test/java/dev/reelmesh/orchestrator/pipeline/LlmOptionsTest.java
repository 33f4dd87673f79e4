package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.LlmCallOptions;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refinements outside a run carry the job's engine choice and budget headroom. */
class LlmOptionsTest {
  @TempDir Path dir;

  @Test
  void aRefinementIsCappedByTheJobAndTheMonth() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      String capped = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a kettle", 4).setBudgetCapMicros(1_234)
              .setRequirePlanApproval(true).setProviders(dev.reelmesh.v1.ProviderChoices
                  .newBuilder().setLlm("offline"))).build()).getJobId();
      LlmCallOptions options = mesh.engine().llmOptions(capped);
      assertThat(options.getMaxSpendMicros()).isEqualTo(1_234);
      assertThat(options.getEngine()).isEqualTo("offline");

      String uncapped = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a kettle", 4).setRequirePlanApproval(true)).build()).getJobId();
      // No job cap: the month's remaining budget (TestMesh: $50, nothing spent); no engine
      // chosen: "" leaves it to the LLM service's configuration.
      assertThat(mesh.engine().llmOptions(uncapped).getMaxSpendMicros()).isEqualTo(50_000_000);
      assertThat(mesh.engine().llmOptions(uncapped).getEngine()).isEmpty();
    }
  }
}
