package dev.reelmesh.orchestrator.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.spec.FrameSize;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes, lengths, prices and configuration: the small rules the providers rest on. */
class OpenAiUnitsTest {
  @Test
  void soraLengthIsTheShortestThatCoversTheClip() {
    var caps = OpenAiProviders.fromEnv(Map.of()).get(1).capabilities("");
    assertThat(caps.snap(3.2)).isEqualTo(4);
    assertThat(caps.snap(4.0)).isEqualTo(4);
    assertThat(caps.snap(4.5)).isEqualTo(8);
    assertThat(caps.snap(11.9)).isEqualTo(12);
    assertThat(caps.snap(12.5)).as("the longest: the clip must be refused").isEqualTo(12);
    var gateway = OpenAiProviders.fromEnv(Map.of(VideoGateway.SECONDS_VARIABLE, "5, 10"))
        .get(1).capabilities("");
    assertThat(gateway.snap(4.5)).isEqualTo(5);
    assertThat(gateway.snap(5.5)).isEqualTo(10);
    assertThatThrownBy(() -> VideoGateway.fromEnv(Map.of(VideoGateway.SECONDS_VARIABLE, "8,4")))
        .hasMessageContaining(VideoGateway.SECONDS_VARIABLE);
    assertThatThrownBy(() -> VideoGateway.fromEnv(Map.of(VideoGateway.BASE_URL_VARIABLE,
        "https://api.openai.com/v1"))).hasMessageContaining("shut down");
    assertThatThrownBy(() -> VideoGateway.fromEnv(Map.of(VideoGateway.BASE_URL_VARIABLE,
        "gateway.example/v1"))).hasMessageContaining(VideoGateway.BASE_URL_VARIABLE)
        .hasMessageContaining("http(s) URL");
  }

  @Test
  void sizesFollowTheFrameAspect() {
    assertThat(Sizes.image(new FrameSize(1280, 720))).isEqualTo("1536x1024");
    assertThat(Sizes.image(new FrameSize(720, 1280))).isEqualTo("1024x1536");
    assertThat(Sizes.image(new FrameSize(720, 720))).isEqualTo("1024x1024");
    assertThat(Sizes.video(new FrameSize(640, 360))).isEqualTo("1280x720");
    assertThat(Sizes.video(new FrameSize(360, 640))).isEqualTo("720x1280");
  }

  @Test
  void pricesAreIntegerMicroDollars() {
    assertThat(PriceTable.imageMicros("gpt-image-1", "low", "1024x1024")).isEqualTo(11_000);
    assertThat(PriceTable.imageMicros("gpt-image-1", "high", "1536x1024")).isEqualTo(250_000);
    assertThat(PriceTable.videoSecondMicros("sora-2", "1280x720")).isEqualTo(100_000);
    assertThat(PriceTable.videoSecondMicros("sora-2-pro", "1792x1024")).isEqualTo(500_000);
    assertThat(PriceTable.speechCharMicros("tts-1-hd")).isEqualTo(30);
    // An unknown model errs high, never low.
    assertThat(PriceTable.imageMicros("someday-image", "low", "1024x1024")).isEqualTo(167_000);
  }

  @Test
  void configComesFromTheEnvironmentAndNeverShowsTheKey() {
    OpenAiConfig none = OpenAiConfig.fromEnv(Map.of());
    assertThat(none.configured()).isFalse();
    OpenAiConfig set = OpenAiConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-secret-123",
        "OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "REELMESH_OPENAI_VOICE", "verse",
        "REELMESH_OPENAI_VIDEO_MODEL", "sora-2-pro"));
    assertThat(set.configured()).isTrue();
    assertThat(set.voice()).isEqualTo("verse");
    assertThat(set.videoModel()).isEqualTo("sora-2-pro");
    assertThat(set.imageModel()).isEqualTo("gpt-image-1");
    assertThat(set.toString()).doesNotContain("sk-secret-123").contains("key=set");
  }
}
