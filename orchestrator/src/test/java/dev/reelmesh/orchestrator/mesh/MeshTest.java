package dev.reelmesh.orchestrator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.Health;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process mesh that {@code reelmesh generate} runs on: nothing listens on the network. */
class MeshTest {
  @TempDir Path dir;

  @Test
  void everyServiceAnswersInProcess() throws Exception {
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    try (Mesh mesh = Mesh.start(settings, null, null)) {
      assertThat(mesh.addresses()).containsOnlyKeys("in-process pipeline");
      assertThat(Health.check(mesh.channels().llm(), "reelmesh.v1.LlmService"))
          .isEqualTo(ServingStatus.SERVING);
      assertThat(Health.check(mesh.channels().scoring(), "reelmesh.v1.ScoringService"))
          .isEqualTo(ServingStatus.SERVING);
      assertThat(Health.check(mesh.channels().media(), "reelmesh.v1.MediaService"))
          .isEqualTo(ServingStatus.SERVING);
      ManagedChannel pipeline = mesh.pipelineChannel();
      try {
        assertThat(Health.check(pipeline, "reelmesh.v1.PipelineService"))
            .isEqualTo(ServingStatus.SERVING);
      } finally {
        pipeline.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
