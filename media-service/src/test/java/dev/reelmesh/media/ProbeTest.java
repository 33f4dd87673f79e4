package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ProbeResponse;
import dev.reelmesh.v1.StreamInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProbeTest extends MediaTestBase {

  @Test
  void reportsDurationContainerAndStreams() {
    TestMedia.clip(at("in/v.mp4"), 320, 180, 25, 1.2, 440);
    ProbeResponse p = stub().probe(ProbeRequest.newBuilder().setMedia(ref("in/v.mp4")).build());

    assertThat(p.getDurationSeconds()).isCloseTo(1.2, within(1 / 25.0));
    assertThat(p.getContainer()).contains("mp4");
    assertThat(p.getSizeBytes()).isEqualTo(at("in/v.mp4").toFile().length());
    StreamInfo video = p.getStreamsList().stream().filter(s -> s.getType().equals("video"))
        .findFirst().orElseThrow();
    assertThat(video.getCodec()).isEqualTo("h264");
    assertThat(video.getWidth()).isEqualTo(320);
    assertThat(video.getFps()).isCloseTo(25, within(0.01));
    assertThat(video.getPixelFormat()).isEqualTo("yuv420p");
    StreamInfo audio = p.getStreamsList().stream().filter(s -> s.getType().equals("audio"))
        .findFirst().orElseThrow();
    assertThat(audio.getSampleRate()).isEqualTo(48000);
    assertThat(audio.getChannels()).isEqualTo(2);
  }

  @Test
  void corruptMissingAndOutsideInputsAnswerPreciseStatuses() throws Exception {
    Files.createDirectories(at("in"));
    Files.writeString(at("in/notmedia.mp4"), "this is not a video");
    assertThatThrownBy(() -> stub().probe(ProbeRequest.newBuilder()
        .setMedia(ref("in/notmedia.mp4")).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          // FFmpeg's own reason travels in the message.
          assertThat(e.getStatus().getDescription()).contains("media: not readable media")
              .contains("Invalid data found");
        });
    assertThatThrownBy(() -> stub().probe(ProbeRequest.newBuilder().setMedia(ref("in/x.mp4"))
        .build())).isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> stub().probe(ProbeRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getDescription()).contains("media"));
  }
}
