package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.StillMotion;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchSegment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every bad segment answers its precise status naming the field, and writes nothing. */
class StitchSegmentInputTest extends MediaTestBase {

  private record Case(String what, UnaryOperator<StitchRequest.Builder> change, Status.Code code,
      String field) {}

  @Test
  void badSegmentsAnswerPreciseStatusesNamingTheField() throws Exception {
    Scenes.draw(at("in/a.png"), 320, 180, 1);
    Scenes.draw(at("in/b.png"), 320, 180, 2);
    TestMedia.clip(at("in/clip.mp4"), 320, 180, 24, 1, 440);
    TestMedia.tone(at("in/tone.wav"), 440, 0.5, -20);
    Files.createDirectories(at("out"));
    StitchSegment.Builder good = StillSegmentTest.still("in/a.png", Motion.MOTION_ZOOM_IN, 1);
    Case[] cases = {
        new Case("no duration", r -> r.setSegments(0, good.clone().setDurationSeconds(0)),
            Status.Code.INVALID_ARGUMENT, "segments[0].duration_seconds"),
        new Case("too long", r -> r.setSegments(0, good.clone().setDurationSeconds(61)),
            Status.Code.INVALID_ARGUMENT, "segments[0].duration_seconds"),
        new Case("shorter than a frame", r -> r.setSegments(0, good.clone()
            .setDurationSeconds(0.01)), Status.Code.INVALID_ARGUMENT,
            "segments[0].duration_seconds"),
        new Case("no source", r -> r.setSegments(1, StitchSegment.newBuilder()
            .setDurationSeconds(1)), Status.Code.INVALID_ARGUMENT, "segments[1]"),
        new Case("unknown motion", r -> r.setSegments(0, good.clone().setStill(StillMotion
            .newBuilder().setStartFrame(ref("in/a.png")).setMotionValue(99))),
            Status.Code.INVALID_ARGUMENT, "segments[0].still.motion"),
        new Case("blend without end", r -> r.setSegments(0, good.clone().setStill(StillMotion
            .newBuilder().setStartFrame(ref("in/a.png")).setMotion(Motion.MOTION_BLEND))),
            Status.Code.INVALID_ARGUMENT, "segments[0].still.end_frame"),
        new Case("end frame with a push-in", r -> r.setSegments(0, good.clone()
            .setStill(StillMotion.newBuilder().setStartFrame(ref("in/a.png"))
                .setEndFrame(ref("in/b.png")).setMotion(Motion.MOTION_ZOOM_IN))),
            Status.Code.INVALID_ARGUMENT, "segments[0].still.end_frame"),
        new Case("missing still", r -> r.setSegments(0, StillSegmentTest.still("in/none.png",
            Motion.MOTION_STATIC, 1)), Status.Code.NOT_FOUND, "segments[0].still.start_frame"),
        new Case("audio as still", r -> r.setSegments(0, StillSegmentTest.still("in/tone.wav",
            Motion.MOTION_STATIC, 1)), Status.Code.INVALID_ARGUMENT,
            "segments[0].still.start_frame"),
        new Case("still outside the root", r -> r.setSegments(0, StillSegmentTest.still(
            "../x.png", Motion.MOTION_STATIC, 1)), Status.Code.INVALID_ARGUMENT,
            "segments[0].still.start_frame"),
        new Case("still as clip", r -> r.setSegments(1, StitchSegment.newBuilder()
            .setClip(ref("in/a.png"))), Status.Code.INVALID_ARGUMENT, "segments[1].clip"),
        new Case("clip trim too long", r -> r.setSegments(1, StitchSegment.newBuilder()
            .setClip(ref("in/clip.mp4")).setDurationSeconds(3)), Status.Code.INVALID_ARGUMENT,
            "segments[1].duration_seconds"),
        new Case("negative clip trim", r -> r.setSegments(1, StitchSegment.newBuilder()
            .setClip(ref("in/clip.mp4")).setDurationSeconds(-1)), Status.Code.INVALID_ARGUMENT,
            "segments[1].duration_seconds"),
        new Case("preview of a clip", r -> r.setSegments(1, StitchSegment.newBuilder()
            .setClip(ref("in/clip.mp4")).setPreviewPath("out/p.mp4")),
            Status.Code.INVALID_ARGUMENT, "segments[1].preview_path"),
        new Case("preview outside the root", r -> r.setSegments(0, good.clone()
            .setPreviewPath("../p.mp4")), Status.Code.INVALID_ARGUMENT,
            "segments[0].preview_path"),
        new Case("clips and segments", r -> r.addClips(ref("in/clip.mp4")),
            Status.Code.INVALID_ARGUMENT, "segments"),
        new Case("clip_seconds with segments", r -> r.addClipSeconds(1),
            Status.Code.INVALID_ARGUMENT, "clip_seconds"),
        new Case("transitions count", r -> r.addTransitions(dev.reelmesh.v1.Transition
            .getDefaultInstance()).addTransitions(dev.reelmesh.v1.Transition
            .getDefaultInstance()), Status.Code.INVALID_ARGUMENT, "transitions"),
        new Case("unknown fit", r -> r.setFitValue(99), Status.Code.INVALID_ARGUMENT, "fit"),
    };
    for (Case c : cases) {
      StitchRequest r = c.change().apply(StitchRequest.newBuilder().setOutputPath("out/bad.mp4")
          .addSegments(good).addSegments(StitchSegment.newBuilder()
              .setClip(ref("in/clip.mp4")))).build();
      assertThatThrownBy(() -> stub().stitch(r).forEachRemaining(e -> { }))
          .as(c.what())
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as(c.what()).isEqualTo(c.code());
            assertThat(e.getStatus().getDescription()).as(c.what()).startsWith(c.field());
          });
    }
    try (var files = Files.list(at("out"))) {
      assertThat(files).isEmpty();
    }
  }
}
