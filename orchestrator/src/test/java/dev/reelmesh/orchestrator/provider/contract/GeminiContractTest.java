package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.gemini.GeminiConfig;
import dev.reelmesh.orchestrator.provider.gemini.GeminiEntry;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.testing.FakeGemini;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import java.util.Map;

/** Veo on the Gemini API passes the video provider contract. */
class GeminiContractTest extends VideoProviderContract {
  @Override
  protected FakeVideoApi startFake() throws Exception {
    return FakeGemini.start();
  }

  @Override
  protected VideoEntry entry(FakeVideoApi fake) {
    return new GeminiEntry(GeminiConfig.fromEnv(Map.of(GeminiConfig.KEY_VARIABLE,
        FakeGemini.KEY, GeminiConfig.BASE_URL_VARIABLE, fake.baseUrl())).withFastTimings());
  }

  @Override
  protected String fileCredential() {
    return FakeGemini.KEY; // generated files are served by the API and need the key
  }

  @Override
  protected void assertCreateBody(JsonNode body) {
    JsonNode instance = body.path("instances").path(0);
    assertThat(instance.path("prompt").asText()).isEqualTo(PROMPT);
    assertThat(instance.path("image").path("mimeType").asText()).isEqualTo("image/png");
    assertThat(instance.path("image").path("bytesBase64Encoded").asText()).startsWith("iVBOR");
    assertThat(instance.path("lastFrame").path("bytesBase64Encoded").asText())
        .as("Veo 3.1 takes the end frame").startsWith("iVBOR");
    JsonNode parameters = body.path("parameters");
    assertThat(parameters.path("durationSeconds").isInt()).isTrue();
    assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(6);
    assertThat(parameters.path("aspectRatio").asText()).isEqualTo("16:9");
    assertThat(parameters.path("negativePrompt").asText()).isEqualTo("blurry, text");
    assertThat(fake.requests).contains(
        "POST /v1beta/models/veo-3.1-fast-generate-001:predictLongRunning",
        "GET /v1beta/models/veo-3.1-fast-generate-001/operations/op1");
  }
}
