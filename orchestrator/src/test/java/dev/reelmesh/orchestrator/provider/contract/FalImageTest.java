package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reelmesh.orchestrator.provider.fal.FalConfig;
import dev.reelmesh.orchestrator.provider.fal.FalImageEntry;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.webhook.FalHooks;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.orchestrator.testing.FakeFal;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ScenePlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storyboard frames through a fal FLUX endpoint, against the fake queue. */
class FalImageTest {
  @TempDir Path dir;
  FakeFal fake;
  FalImageEntry entry;
  MemorySteps steps;
  RecordingSpend spend;
  ProviderResources resources;

  @BeforeEach
  void start() throws Exception {
    fake = FakeFal.start();
    fake.png = TestMedia.png(64, 64);
    entry = FalImageEntry.of(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
        FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl())).withFastTimings(), Map.of());
    steps = new MemorySteps("images");
    spend = new RecordingSpend(steps.memo);
    resources = new ProviderResources(spend, steps.memo, null, null);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  ImageRequest request(int variations) {
    return new ImageRequest("a ceramic kettle on a sunlit table", ScenePlan.getDefaultInstance(),
        1, FrameKind.FRAME_KIND_START, variations, new FrameSize(640, 360), 7, null, List.of(),
        dir.resolve("frames"));
  }

  @Test
  void variationsAreBoughtInBatchesDecodedAtTheFrameSizeAndReusedAfterARestart()
      throws Exception {
    ImageProvider images = entry.create("", resources);
    List<Path> written = images.generate(request(6));
    assertThat(written).hasSize(6);
    for (Path file : written) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).isEqualTo(640);
      assertThat(image.getHeight()).isEqualTo(360);
    }
    assertThat(fake.count(FakeVideoApi.CREATE)).as("4 + 2").isEqualTo(2);
    assertThat(fake.created.get(0).path("num_images").asInt()).isEqualTo(4);
    assertThat(fake.created.get(0).path("image_size").path("width").asInt()).isEqualTo(640);
    assertThat(fake.created.get(1).path("num_images").asInt()).isEqualTo(2);
    assertThat(fake.requests).contains("POST /fal-ai/flux/dev",
        "GET /fal-ai/flux/requests/req-1/status");
    // 640×360 is 0.23 MP, held as one whole megapixel at $0.025 per image.
    assertThat(spend.holds).containsExactly(
        entry.estimate("", 4, 640, 360, "clip 2 start"),
        entry.estimate("", 2, 640, 360, "clip 2 start"));
    assertThat(spend.holds.get(0).getEstimatedMicros()).isEqualTo(4 * 25_000L);

    List<Path> again = entry.create("", resources).generate(request(6));
    assertThat(again).isEqualTo(written);
    assertThat(fake.count(FakeVideoApi.CREATE)).as("a restart buys nothing again").isEqualTo(2);
  }

  @Test
  void flaggedImagesAreARefusalAndUnreadableOnesAreRefused() throws Exception {
    fake.flagImages = true;
    Throwable flagged = catchThrowable(() -> entry.create("", resources).generate(request(1)));
    assertThat(((StatusRuntimeException) flagged).getStatus().getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(flagged).hasMessageContaining("safety checker");

    fake.flagImages = false;
    fake.png = "<html>expired</html>".getBytes(StandardCharsets.UTF_8);
    Throwable unreadable = catchThrowable(() -> entry.create("", resources).generate(request(1)));
    assertThat(((StatusRuntimeException) unreadable).getStatus().getCode())
        .isEqualTo(Status.Code.DATA_LOSS);
    assertThat(unreadable).hasMessageContaining("not a readable image");
  }

  @Test
  void withWebhooksOnASubmitNamesTheReceiverAndALostCallbackStillEndsByPolling()
      throws Exception {
    try (FalHooks hooks = FalHooks.start(null)) {
      FalImageEntry hooked = FalImageEntry.of(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE,
          FakeFal.KEY, FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl())).withFastTimings(),
          Map.of(), hooks.hooks);
      fake.ready = false;
      Thread release = new Thread(() -> {
        try {
          VideoProviderContract.await(() -> fake.count(FakeVideoApi.POLL) >= 3);
          fake.ready = true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      release.start();
      // No callback ever comes: the request is seen through by its polls alone.
      assertThat(hooked.create("", resources).generate(request(5))).hasSize(5);
      release.join();
      assertThat(fake.webhooks).as("each batch's submit names the receiver")
          .containsExactly(hooks.url("fal"), hooks.url("fal"));
      assertThat(fake.count(FakeVideoApi.POLL)).isGreaterThanOrEqualTo(4);
    }
  }
}
