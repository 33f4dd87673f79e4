package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchSegment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Truncated and undecodable media are refused by Probe and Stitch, naming the field. */
class CorruptMediaTest extends MediaTestBase {
  private long clipSize;

  @BeforeEach
  void inputs() throws Exception {
    TestMedia.clip(at("in/plain.mp4"), 320, 180, 24, 2, 440);
    Path whole = TestMedia.indexFirst(at("in/plain.mp4"), at("in/whole.mp4"));
    clipSize = Files.size(whole);
    TestMedia.truncated(whole, at("in/half.mp4"), (int) clipSize / 2);
    // The picture data after the index and first frames, overwritten: the container is intact.
    TestMedia.scrambled(whole, at("in/garbage.mp4"), (int) clipSize / 3, (int) clipSize - 64);
    Scenes.draw(at("in/still.png"), 320, 180, 3);
    TestMedia.truncated(at("in/still.png"), at("in/half.png"),
        (int) Files.size(at("in/still.png")) / 2);
    long png = Files.size(at("in/still.png"));
    TestMedia.scrambled(at("in/still.png"), at("in/noise.png"), (int) png / 3, (int) png * 2 / 3);
    Files.createDirectories(at("out"));
  }

  @Test
  void probeRefusesTruncatedAndUndecodableMediaButNotWholeMedia() {
    assertThat(probe("in/whole.mp4").getDurationSeconds()).isGreaterThan(1.9);
    assertInvalid(() -> probe("in/half.mp4"), "media: the file is truncated (stream 0 (video) has");
    assertInvalid(() -> probe("in/noise.png"), "media: cannot be decoded");
    assertInvalid(() -> probe("in/garbage.mp4"), "media: cannot be decoded");
  }

  @Test
  void stitchRefusesTruncatedClipsAndUndecodableStillsAndClips() throws Exception {
    assertInvalid(() -> stitch(StitchRequest.newBuilder().addClips(ref("in/whole.mp4"))
        .addClips(ref("in/half.mp4"))), "clips[1]: the file is truncated");
    assertInvalid(() -> stitch(StitchRequest.newBuilder()
        .addSegments(StillSegmentTest.still("in/still.png", Motion.MOTION_ZOOM_IN, 1))
        .addSegments(StitchSegment.newBuilder().setClip(ref("in/half.mp4")))),
        "segments[1].clip: the file is truncated");
    assertInvalid(() -> stitch(StitchRequest.newBuilder()
        .addSegments(StillSegmentTest.still("in/still.png", Motion.MOTION_ZOOM_IN, 1))
        .addSegments(StillSegmentTest.still("in/half.png", Motion.MOTION_STATIC, 1))),
        "segments[1].still.start_frame: the image cannot be decoded");
    // Header intact, data not: the encode itself (-xerror) stops and names the input.
    assertInvalid(() -> stitch(StitchRequest.newBuilder()
        .addSegments(StillSegmentTest.still("in/still.png", Motion.MOTION_ZOOM_IN, 1))
        .addSegments(StillSegmentTest.still("in/noise.png", Motion.MOTION_STATIC, 1))),
        "segments[1].still.start_frame: cannot be decoded");
    assertInvalid(() -> stitch(StitchRequest.newBuilder().addClips(ref("in/whole.mp4"))
        .addClips(ref("in/garbage.mp4")).setForceReencode(true)), "clips[1]: cannot be decoded");
    try (var files = Files.list(at("out"))) {
      assertThat(files).isEmpty();
    }
  }

  private dev.reelmesh.v1.ProbeResponse probe(String uri) {
    return stub().probe(ProbeRequest.newBuilder().setMedia(ref(uri)).build());
  }

  private void stitch(StitchRequest.Builder r) {
    stub().stitch(r.setOutputPath("out/x.mp4").build()).forEachRemaining(e -> { });
  }

  private static void assertInvalid(ThrowingCallable call, String start) {
    assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).startsWith(start);
    });
  }
}
