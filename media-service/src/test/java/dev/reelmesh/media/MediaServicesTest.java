package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.Health;
import dev.reelmesh.common.testing.InProcessService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaServicesTest {
  @TempDir Path dir;

  @Test
  void servesHealthAndReflectionOverInProcessTransport() throws Exception {
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    try (InProcessService service = InProcessService.start(MediaServices.create(settings))) {
      assertThat(Health.check(service.channel(), "reelmesh.v1.MediaService"))
          .isEqualTo(ServingStatus.SERVING);
      assertThat(Health.listServices(service.channel())).contains("reelmesh.v1.MediaService");
    }
  }
}
