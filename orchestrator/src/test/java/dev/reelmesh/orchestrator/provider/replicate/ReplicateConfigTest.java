package dev.reelmesh.orchestrator.provider.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicateConfigTest {
  static ReplicateConfig config(Map<String, String> env) {
    return ReplicateConfig.fromEnv(env);
  }

  @Test
  void needsATokenAndAModelAndNeverPrintsTheToken() {
    ReplicateConfig none = config(Map.of());
    assertThat(none.configured()).isFalse();
    assertThat(none.missing()).contains("REPLICATE_API_TOKEN and REELMESH_REPLICATE_VIDEO_MODEL");
    ReplicateConfig set = config(Map.of("REPLICATE_API_TOKEN", "r8_secret",
        "REELMESH_REPLICATE_VIDEO_MODEL", "acme/i2v"));
    assertThat(set.configured()).isTrue();
    assertThat(set.missing()).isEmpty();
    assertThat(set.toString()).doesNotContain("r8_secret").contains("token=set")
        .contains("(assumed)");
    assertThat(set.baseUrl()).isEqualTo("https://api.replicate.com/v1");
    assertThat(set.microsPerVideoSecond()).isEqualTo(250_000);
  }

  @Test
  void malformedSettingsAreRefusedByName() {
    assertThatThrownBy(() -> config(Map.of("REELMESH_REPLICATE_VIDEO_MODEL", "just-a-name")))
        .hasMessageContaining("REELMESH_REPLICATE_VIDEO_MODEL must be 'owner/name'");
    assertThatThrownBy(() -> config(Map.of("REELMESH_REPLICATE_VIDEO_INPUT", "{not json")))
        .hasMessageContaining("REELMESH_REPLICATE_VIDEO_INPUT is not valid JSON");
    assertThatThrownBy(() -> config(Map.of("REELMESH_REPLICATE_VIDEO_INPUT", "[1]")))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> config(Map.of("REELMESH_REPLICATE_VIDEO_INPUT",
        "{\"image\": \"{start_frame}\"}")))
        .hasMessageContaining("unknown placeholders [start_frame]");
    assertThatThrownBy(() -> config(Map.of("REELMESH_REPLICATE_VIDEO_USD_PER_SECOND", "free")))
        .hasMessageContaining("REELMESH_REPLICATE_VIDEO_USD_PER_SECOND must be US dollars");
    assertThatThrownBy(() -> config(Map.of("REELMESH_REPLICATE_VIDEO_USD_PER_SECOND", "-1")))
        .hasMessageContaining("more than 0");
    assertThat(config(Map.of("REELMESH_REPLICATE_VIDEO_USD_PER_SECOND", "0.125"))
        .microsPerVideoSecond()).isEqualTo(125_000);
  }

  @Test
  void placeholdersAreFilledNumbersStayNumbers() throws Exception {
    ObjectNode template = (ObjectNode) new ObjectMapper().readTree("{\"prompt\": \"{prompt}, "
        + "4k\", \"duration\": \"{seconds}\", \"length\": \"{duration}\", \"label\": "
        + "\"{seconds} s\", \"nested\": [{\"img\": \"{image}\"}], \"seed\": 7}");
    ObjectNode filled = ReplicateInput.fill(template, Map.of("prompt", "a kettle",
        "seconds", 5, "duration", 4.5, "image", "data:image/png;base64,AAAA"));
    assertThat(filled.get("prompt").textValue()).isEqualTo("a kettle, 4k");
    assertThat(filled.get("duration").isIntegralNumber()).isTrue();
    assertThat(filled.get("duration").asInt()).isEqualTo(5);
    assertThat(filled.get("length").doubleValue()).isEqualTo(4.5);
    assertThat(filled.get("label").textValue()).isEqualTo("5 s");
    assertThat(filled.get("nested").get(0).get("img").textValue())
        .isEqualTo("data:image/png;base64,AAAA");
    assertThat(filled.get("seed").asInt()).isEqualTo(7);
    assertThat(template.get("prompt").textValue()).isEqualTo("{prompt}, 4k");
  }

  @Test
  void aspectRatiosAreReduced() {
    assertThat(ReplicateVideoProvider.aspect(1280, 720)).isEqualTo("16:9");
    assertThat(ReplicateVideoProvider.aspect(720, 1280)).isEqualTo("9:16");
    assertThat(ReplicateVideoProvider.aspect(1024, 1024)).isEqualTo("1:1");
  }
}
