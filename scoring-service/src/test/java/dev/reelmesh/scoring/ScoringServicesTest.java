package dev.reelmesh.scoring;

import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.Health;
import dev.reelmesh.common.testing.InProcessService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status.Code;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringServicesTest {
  @TempDir Path dir;

  @Test
  void servesHealthAndReflectionOverInProcessTransport() throws Exception {
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    try (InProcessService service = InProcessService.start(ScoringServices.create(settings))) {
      assertThat(Health.check(service.channel(), "reelmesh.v1.ScoringService"))
          .isEqualTo(ServingStatus.SERVING);
      assertThat(Health.listServices(service.channel())).contains("reelmesh.v1.ScoringService");
    }
  }

  /** Over Netty, requests are parsed by the aliasing marshaller; the answers must not change. */
  @Test
  void loopbackNettyAnswersLikeTheInProcessChannel() throws Exception {
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    RgbImage sharp = Images.detailed(128, 96, 5);
    byte[] png = Images.png(sharp);
    ScoreImagesRequest request = ScoreImagesRequest.newBuilder()
        .addImages(ScoringHarness.inline(png))
        .addImages(ScoringHarness.inline(Images.jpeg(Images.blurred(sharp, 2))))
        .addImages(ScoringHarness.inline(Images.png(Images.solid(64, 64, 0x404040))))
        .build();
    try (ScoringRuntime runtime = ScoringRuntime.open(settings, ScoringHarness.config());
        InProcessService local = InProcessService.start(runtime.services())) {
      ServiceHost host = ServiceHost.start(Transports.netty("127.0.0.1", 0), runtime.services());
      ManagedChannel channel = Transports.nettyChannel("127.0.0.1:" + host.port());
      try {
        var remote = ScoringServiceGrpc.newBlockingStub(channel);
        ScoreImagesResponse overNetty = remote.scoreImages(request);
        assertThat(overNetty.getResultsCount()).isEqualTo(3);
        assertThat(overNetty).isEqualTo(
            ScoringServiceGrpc.newBlockingStub(local.channel()).scoreImages(request));

        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertStatus(() -> remote.rankVariations(RankVariationsRequest.newBuilder()
                .addImages(ScoringHarness.inline(png))
                .addImages(ScoringHarness.inline(truncated)).build()),
            Code.INVALID_ARGUMENT, "images[1]: cannot decode");
        assertThat(remote.rankVariations(RankVariationsRequest.newBuilder()
            .addImages(ScoringHarness.inline(png)).build()).getRankedCount()).isEqualTo(1);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        host.shutdown(1000);
      }
    }
  }
}
