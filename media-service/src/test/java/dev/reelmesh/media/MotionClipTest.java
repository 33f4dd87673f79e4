package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MotionClipTest extends MediaTestBase {

  private RenderMotionClipRequest.Builder request() {
    TestMedia.still(at("frames/start.png"), 640, 360, "testsrc2");
    return RenderMotionClipRequest.newBuilder().setStartFrame(ref("frames/start.png"))
        .setDurationSeconds(1.5).setWidth(320).setHeight(180).setFps(24);
  }

  @ParameterizedTest
  @EnumSource(value = Motion.class, names = {"MOTION_ZOOM_IN", "MOTION_ZOOM_OUT",
      "MOTION_PAN_LEFT", "MOTION_PAN_UP", "MOTION_STATIC"})
  void kenBurnsClipHasExactLengthSizeAndStreams(Motion motion) {
    RenderMotionClipResponse r = stub().renderMotionClip(request().setMotion(motion)
        .setOutputPath("clips/" + motion + ".mp4").build());

    MediaInfo info = TestMedia.probe(at(r.getClip().getUri()));
    assertThat(info.durationSeconds()).isCloseTo(1.5, within(1 / 24.0));
    assertThat(info.video().orElseThrow().codec()).isEqualTo("h264");
    assertThat(info.video().orElseThrow().width()).isEqualTo(320);
    assertThat(info.video().orElseThrow().height()).isEqualTo(180);
    assertThat(info.video().orElseThrow().fps()).isCloseTo(24, within(0.01));
    assertThat(info.audio().orElseThrow().codec()).isEqualTo("aac");
    assertThat(r.getProbe().getStreamsCount()).isEqualTo(2);
    assertThat(r.getClip().getSha256()).hasSize(64);
  }

  @Test
  void blendFromStartToEndFrame() {
    TestMedia.still(at("frames/end.png"), 640, 360, "smptebars");
    RenderMotionClipResponse r = stub().renderMotionClip(request()
        .setEndFrame(ref("frames/end.png")).setWidth(180).setHeight(320).setFps(30)
        .setOutputPath("clips/blend.mp4").build());

    MediaInfo info = TestMedia.probe(at("clips/blend.mp4"));
    assertThat(r.getClip().getUri()).isEqualTo("clips/blend.mp4");
    assertThat(info.durationSeconds()).isCloseTo(1.5, within(1 / 30.0));
    assertThat(info.video().orElseThrow().width()).isEqualTo(180);
    assertThat(info.video().orElseThrow().fps()).isCloseTo(30, within(0.01));
  }

  @Test
  void badRequestsAnswerPreciseStatusesAndLeaveNoFile() throws Exception {
    TestMedia.tone(at("audio/tone.wav"), 440, 0.5, -20);
    assertStatus(request().setDurationSeconds(-1), Status.Code.INVALID_ARGUMENT,
        "duration_seconds");
    assertStatus(request().setWidth(321), Status.Code.INVALID_ARGUMENT, "width");
    assertStatus(request().setWidth(100_000), Status.Code.INVALID_ARGUMENT, "width");
    assertStatus(request().setMotion(Motion.MOTION_BLEND), Status.Code.INVALID_ARGUMENT,
        "end_frame");
    assertStatus(request().setMotionValue(99), Status.Code.INVALID_ARGUMENT, "motion");
    assertStatus(request().setStartFrame(ref("frames/missing.png")), Status.Code.NOT_FOUND,
        "start_frame");
    assertStatus(request().setStartFrame(ref("audio/tone.wav")), Status.Code.INVALID_ARGUMENT,
        "still image");
    assertStatus(request().setOutputPath("../escape.mp4"), Status.Code.INVALID_ARGUMENT,
        "outside the artifact root");
    TestMedia.truncated(at("frames/start.png"), at("frames/broken.png"), 100);
    assertStatus(request().setStartFrame(ref("frames/broken.png"))
        .setOutputPath("clips/broken.mp4"), Status.Code.INVALID_ARGUMENT, "start_frame: the image cannot be decoded");
    long size = Files.size(at("frames/start.png"));
    TestMedia.scrambled(at("frames/start.png"), at("frames/noise.png"), (int) size / 3,
        (int) size * 2 / 3);
    assertStatus(request().setStartFrame(ref("frames/noise.png"))
        .setOutputPath("clips/broken.mp4"), Status.Code.INVALID_ARGUMENT,
        "start_frame: cannot be decoded");
    assertThat(Files.exists(at("clips/broken.mp4"))).isFalse();
    try (var files = Files.list(at("clips"))) {
      assertThat(files).isEmpty();
    }
  }

  private void assertStatus(RenderMotionClipRequest.Builder r, Status.Code code, String text) {
    if (r.getOutputPath().isEmpty()) {
      r.setOutputPath("clips/bad.mp4");
    }
    assertThatThrownBy(() -> stub().renderMotionClip(r.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).contains(text);
        });
  }
}
