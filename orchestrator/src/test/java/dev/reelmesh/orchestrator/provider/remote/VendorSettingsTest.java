package dev.reelmesh.orchestrator.provider.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.provider.fal.FalConfig;
import dev.reelmesh.orchestrator.provider.fal.FalEntry;
import dev.reelmesh.orchestrator.provider.gemini.GeminiConfig;
import dev.reelmesh.orchestrator.provider.gemini.GeminiEntry;
import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.runway.RunwayConfig;
import dev.reelmesh.orchestrator.provider.runway.RunwayEntry;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remote video entries' settings: what is missing, bad values named, secrets never shown. */
class VendorSettingsTest {
  static final String SECRET = "sk-live-must-never-appear";

  @Test
  void withoutAKeyEachEntryNamesTheVariableToSet() {
    assertThat(FalEntry.fromEnv(Map.of()).missing("")).hasValueSatisfying(m ->
        assertThat(m).contains("FAL_KEY"));
    assertThat(GeminiEntry.fromEnv(Map.of()).missing("")).hasValueSatisfying(m ->
        assertThat(m).contains("GEMINI_API_KEY"));
    assertThat(RunwayEntry.fromEnv(Map.of()).missing("")).hasValueSatisfying(m ->
        assertThat(m).contains("RUNWAYML_API_SECRET"));
  }

  @Test
  void keysAreSecretSettingsAndNeverShownByTheConfigOrTheEntry() {
    List<Object> configs = List.of(
        FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, SECRET)),
        GeminiConfig.fromEnv(Map.of(GeminiConfig.KEY_VARIABLE, SECRET)),
        RunwayConfig.fromEnv(Map.of(RunwayConfig.SECRET_VARIABLE, SECRET)));
    assertThat(configs).allSatisfy(c -> assertThat(c.toString()).doesNotContain(SECRET)
        .contains("(set)"));
    for (VideoEntry entry : List.of(FalEntry.fromEnv(Map.of(FalConfig.KEY_VARIABLE, SECRET)),
        GeminiEntry.fromEnv(Map.of(GeminiConfig.KEY_VARIABLE, SECRET)),
        RunwayEntry.fromEnv(Map.of(RunwayConfig.SECRET_VARIABLE, SECRET)))) {
      assertThat(entry.missing("")).isEmpty();
      assertThat(entry.paid()).isTrue();
      assertThat(entry.settings()).filteredOn(Setting::required).singleElement()
          .satisfies(s -> assertThat(s.secret()).isTrue());
      assertThat(entry.description() + entry.settings()).doesNotContain(SECRET);
    }
  }

  @Test
  void malformedValuesStopStartUpNamingTheVariable() {
    assertThatThrownBy(() -> FalConfig.fromEnv(Map.of(FalConfig.MODEL_VARIABLE, "kling")))
        .hasMessageContaining("REELMESH_FAL_VIDEO_MODEL").hasMessageContaining("'kling'");
    assertThatThrownBy(() -> FalConfig.fromEnv(Map.of(FalConfig.PRICES_VARIABLE,
        "{\"fal-ai/x/y\": -1}"))).hasMessageContaining("REELMESH_FAL_PRICES.fal-ai/x/y");
    assertThatThrownBy(() -> FalConfig.fromEnv(Map.of(FalConfig.PRICES_VARIABLE, "[1]")))
        .hasMessageContaining("REELMESH_FAL_PRICES").hasMessageContaining("JSON object");
    assertThatThrownBy(() -> FalConfig.fromEnv(Map.of(FalConfig.QUEUE_URL_VARIABLE, "ftp://x")))
        .hasMessageContaining("FAL_QUEUE_URL");
    assertThatThrownBy(() -> GeminiConfig.fromEnv(Map.of(GeminiConfig.PRICE_VARIABLE, "free")))
        .hasMessageContaining("REELMESH_GEMINI_VIDEO_USD_PER_SECOND").hasMessageContaining("free");
    assertThatThrownBy(() -> GeminiConfig.fromEnv(Map.of(GeminiConfig.MODEL_VARIABLE,
        "models/Veo 3"))).hasMessageContaining("REELMESH_GEMINI_VIDEO_MODEL");
    assertThatThrownBy(() -> RunwayConfig.fromEnv(Map.of(RunwayConfig.CREDITS_VARIABLE, "0")))
        .hasMessageContaining("REELMESH_RUNWAY_CREDITS_PER_SECOND");
  }

  @Test
  void anUnknownFalEndpointNeedsItsPriceAndThenUsesIt() {
    String endpoint = "fal-ai/ltx-video-13b/image-to-video";
    FalEntry unpriced = FalEntry.fromEnv(Map.of(FalConfig.KEY_VARIABLE, SECRET));
    assertThat(unpriced.missing(endpoint)).hasValueSatisfying(m -> assertThat(m)
        .contains("REELMESH_FAL_PRICES").contains(endpoint));
    assertThat(unpriced.missing("not an endpoint")).hasValueSatisfying(m -> assertThat(m)
        .contains("not a fal endpoint id"));
    FalEntry priced = FalEntry.fromEnv(Map.of(FalConfig.KEY_VARIABLE, SECRET,
        FalConfig.PRICES_VARIABLE, "{\"" + endpoint + "\": 0.03, \"kling-2.1\": \"0.06\"}"));
    assertThat(priced.missing(endpoint)).isEmpty();
    assertThat(priced.estimate(endpoint, 10, 1280, 720, "clip 1").getEstimatedMicros())
        .isEqualTo(300_000);
    // A configured price overrides the documented default, by alias or endpoint id.
    assertThat(priced.estimate("", 5, 1280, 720, "clip 1").getEstimatedMicros())
        .isEqualTo(300_000);
  }

  @Test
  void capabilitiesSayWhatEachModelTakes() {
    Capabilities kling = FalEntry.fromEnv(Map.of()).capabilities("");
    assertThat(kling.seconds()).containsExactly(5, 10);
    assertThat(kling.endFrame()).isFalse();
    assertThat(kling.snap(6.2)).isEqualTo(10);
    assertThat(FalEntry.fromEnv(Map.of()).capabilities("kling-2.1-pro").endFrame()).isTrue();
    Capabilities veo = GeminiEntry.fromEnv(Map.of()).capabilities("");
    assertThat(veo.seconds()).containsExactly(4, 6, 8);
    assertThat(veo.aspects()).containsExactlyInAnyOrder(AspectRatio.ASPECT_RATIO_16_9,
        AspectRatio.ASPECT_RATIO_9_16);
    assertThat(veo.endFrame()).isTrue();
    assertThat(veo.maxReferenceImages()).isEqualTo(3);
    assertThat(GeminiEntry.fromEnv(Map.of()).capabilities("veo-3.0-generate-001").endFrame())
        .isFalse();
    Capabilities runway = RunwayEntry.fromEnv(Map.of()).capabilities("");
    assertThat(runway.maxPromptChars()).isEqualTo(1000);
    assertThat(runway.sizes().get(AspectRatio.ASPECT_RATIO_1_1)).isEqualTo("960x960");
  }

  @Test
  void runwayPricesWholeCreditsAtOneCentEach() {
    RunwayEntry runway = RunwayEntry.fromEnv(Map.of(RunwayConfig.SECRET_VARIABLE, SECRET,
        RunwayConfig.CREDITS_VARIABLE, "12"));
    CostLine line = runway.estimate("", 10, 1280, 720, "clip 3");
    assertThat(line.getEstimatedMicros()).isEqualTo(120 * 10_000L);
    assertThat(line.getItem()).isEqualTo("gen4_turbo (clip 3; 120 credits)");
    assertThat(line.getUnit()).isEqualTo("video_seconds");
    assertThat(RunwayEntry.fromEnv(Map.of(RunwayConfig.SECRET_VARIABLE, SECRET))
        .missing("gen4.5")).hasValueSatisfying(m -> assertThat(m)
            .contains("REELMESH_RUNWAY_CREDITS_PER_SECOND"));
  }
}
