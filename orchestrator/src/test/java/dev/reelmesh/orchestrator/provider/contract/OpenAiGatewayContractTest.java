package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import dev.reelmesh.orchestrator.provider.openai.OpenAiConfig;
import dev.reelmesh.orchestrator.provider.openai.OpenAiProviders;
import dev.reelmesh.orchestrator.provider.openai.VideoGateway;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import dev.reelmesh.orchestrator.testing.FakeVideoGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAI {@code /v1/videos} shape on a compatible gateway passes the video contract. */
class OpenAiGatewayContractTest extends VideoProviderContract {
  @Override
  protected FakeVideoApi startFake() throws Exception {
    return FakeVideoGateway.start();
  }

  @Override
  protected VideoEntry entry(FakeVideoApi fake) {
    Map<String, String> env = Map.of(VideoGateway.BASE_URL_VARIABLE,
        ((FakeVideoGateway) fake).apiUrl(), VideoGateway.KEY_VARIABLE, FakeVideoGateway.KEY);
    // The contract's bound of 4 attempts per call (OpenAI's settings default to 6).
    OpenAiConfig config = OpenAiConfig.fromEnv(env).withFastTimings().withMaxAttempts(4);
    return OpenAiProviders.entries(config, VideoGateway.fromEnv(env)).stream()
        .filter(VideoEntry.class::isInstance).map(VideoEntry.class::cast).findFirst()
        .orElseThrow();
  }

  @Override
  protected String jobIdName() {
    return "video";
  }

  @Override
  protected String fileCredential() {
    return "Bearer " + FakeVideoGateway.KEY; // the content is served by the gateway itself
  }

  @Override
  protected void assertCreateBody(JsonNode body) {
    assertThat(body.path("model").asText()).isEqualTo("sora-2");
    assertThat(body.path("prompt").asText()).isEqualTo(PROMPT);
    assertThat(body.path("seconds").asText()).as("4.5 s snapped to 4, 8, 12").isEqualTo("8");
    assertThat(body.path("size").asText()).isEqualTo("1280x720");
    JsonNode reference = body.path("input_reference");
    assertThat(reference.path("content_type").asText()).isEqualTo("image/png");
    assertThat(reference.path("width").asInt()).as("the start frame at the video's size")
        .isEqualTo(1280);
    assertThat(reference.path("height").asInt()).isEqualTo(720);
    assertThat(spend.settled.get(0).getEstimatedMicros()).as("8 s × $0.10 (sora-2)")
        .isEqualTo(800_000L);
    assertThat(fake.requests).containsSubsequence("POST /v1/videos", "GET /v1/videos/video_1",
        "GET /v1/videos/video_1/content");
  }

  @Test
  void aServerErrorOnCreateIsNotRetriedSinceTheVideoMayHaveStarted() throws Exception {
    fake.failNext(FakeVideoApi.CREATE, 500, 1);
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
    assertThat(e.getStatus().getDescription()).contains("500").contains("not retried")
        .contains("may have started");
    assertThat(fake.count(FakeVideoApi.CREATE)).isEqualTo(1);
    assertThat(retries).isEmpty();
    assertThat(spend.settled).isEmpty();
    assertThat(spend.released.get()).isZero();
    assertThat(spend.unreconciled).as("charged at its estimate: the video may exist")
        .singleElement().satisfies(line -> assertThat(line.getEstimatedMicros())
            .isEqualTo(800_000L));
  }

  @Test
  void aGatewayThatWillNotDeleteARunningVideoIsSaidToStillBill() throws Exception {
    fake.failAlways(FakeVideoApi.CANCEL, 400);
    StatusRuntimeException e = cancelWhilePolling(null);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(e.getStatus().getDescription()).contains("could not be cancelled")
        .contains("scripted 400 from the fake").contains("may still be billed");
    assertThat(fake.count(FakeVideoApi.CANCEL)).as("a 400 is not retried").isEqualTo(1);
  }
}
