package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.runway.RunwayConfig;
import dev.reelmesh.orchestrator.provider.runway.RunwayEntry;
import dev.reelmesh.orchestrator.testing.FakeRunway;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import java.util.Map;

/** Runway's image-to-video tasks pass the video provider contract. */
class RunwayContractTest extends VideoProviderContract {
  @Override
  protected FakeVideoApi startFake() throws Exception {
    return FakeRunway.start();
  }

  @Override
  protected VideoEntry entry(FakeVideoApi fake) {
    return new RunwayEntry(RunwayConfig.fromEnv(Map.of(RunwayConfig.SECRET_VARIABLE,
        FakeRunway.SECRET, RunwayConfig.BASE_URL_VARIABLE, fake.baseUrl())).withFastTimings());
  }

  @Override
  protected void assertCreateBody(JsonNode body) {
    assertThat(body.path("model").asText()).isEqualTo("gen4_turbo");
    assertThat(body.path("promptText").asText()).isEqualTo(PROMPT);
    assertThat(body.path("promptImage").asText()).startsWith("data:image/png;base64,iVBOR");
    assertThat(body.path("ratio").asText()).isEqualTo("1280:720");
    assertThat(body.path("duration").asInt()).isEqualTo(5);
    assertThat(spend.settled.get(0).getEstimatedMicros()).as("5 s × 5 credits × $0.01")
        .isEqualTo(250_000L);
    assertThat(fake.requests).contains("POST /v1/image_to_video", "GET /v1/tasks/task-1");
  }
}
