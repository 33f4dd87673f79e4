package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateEntry;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.ProviderScope;
import dev.reelmesh.orchestrator.testing.FakePredictions;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.ProviderChoices;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Replicate provider, through its registered entry, against the shared contract.
 */
class ReplicateContractTest extends VideoProviderContract {
  static final String MODEL = "acme/image-to-video";

  @Override
  protected FakeVideoApi startFake() throws Exception {
    return FakePredictions.start();
  }

  @Override
  protected String jobIdName() {
    return "prediction";
  }

  @Override
  protected VideoEntry entry(FakeVideoApi fake) {
    ReplicateConfig config = ReplicateConfig.fromEnv(Map.of(ReplicateConfig.TOKEN_VARIABLE,
        FakePredictions.TOKEN, ReplicateConfig.BASE_URL_VARIABLE, fake.baseUrl() + "/v1",
        ReplicateConfig.MODEL_VARIABLE, MODEL, ReplicateConfig.PRICE_VARIABLE, "0.05"))
        .withFastTimings();
    return new ReplicateEntry(config);
  }

  @Override
  protected void assertCreateBody(JsonNode body) {
    assertThat(body.path("input").path("prompt").asText()).isEqualTo(PROMPT);
    assertThat(body.path("input").path("image").asText()).startsWith("data:image/png;base64,");
  }
}
