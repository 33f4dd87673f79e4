package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.fal.FalConfig;
import dev.reelmesh.orchestrator.provider.fal.FalEntry;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.testing.FakeFal;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fal's queue passes the video provider contract, on its default model (Kling 2.1). */
class FalContractTest extends VideoProviderContract {
  @Override
  protected FakeVideoApi startFake() throws Exception {
    return FakeFal.start();
  }

  @Override
  protected VideoEntry entry(FakeVideoApi fake) {
    return new FalEntry(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
        FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl())).withFastTimings());
  }

  @Override
  protected void assertCreateBody(JsonNode body) {
    assertThat(body.path("prompt").asText()).isEqualTo(PROMPT);
    assertThat(body.path("duration").isTextual()).isTrue();
    assertThat(body.path("duration").asText()).isEqualTo("5");
    assertThat(body.path("image_url").asText()).startsWith("data:image/png;base64,iVBOR");
    assertThat(body.path("negative_prompt").asText()).isEqualTo("blurry, text");
    assertThat(body.has("aspect_ratio")).as("Kling follows the frame's shape").isFalse();
    assertThat(fake.requests).contains("POST /fal-ai/kling-video/v2.1/standard/image-to-video",
        "GET /fal-ai/kling-video/requests/req-1/status", "GET /fal-ai/kling-video/requests/req-1");
  }

  @Test
  void theQueuePositionIsReadWhileQueuedAndAKnownAliasPicksItsFieldNames() throws Exception {
    VideoEntry veo = new FalEntry(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
        FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl(), FalConfig.MODEL_VARIABLE,
        "veo3.1-fast-frames")).withFastTimings());
    fake.ready = false;
    Thread release = new Thread(() -> {
      try {
        await(() -> fake.count(FakeVideoApi.POLL) >= 3);
        fake.ready = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    release.start();
    render(veo.create("", resources), clip());
    release.join();
    JsonNode body = fake.created.get(0);
    assertThat(body.path("duration").asText()).isEqualTo("6s");
    assertThat(body.path("first_frame_url").asText()).startsWith("data:image/png;base64,");
    assertThat(body.path("last_frame_url").asText()).startsWith("data:image/png;base64,");
    assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(body.path("generate_audio").asBoolean(true)).isFalse();
    assertThat(spend.settled).singleElement().satisfies(l -> {
      assertThat(l.getItem()).startsWith("fal-ai/veo3.1/fast/first-last-frame-to-video");
      assertThat(l.getEstimatedMicros()).isEqualTo(6 * 100_000L);
    });
    assertThat(fake.requests).contains("GET /fal-ai/veo3.1/requests/req-1/status");
  }
}
