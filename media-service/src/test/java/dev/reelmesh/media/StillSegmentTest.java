package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.CaptionOptions;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import dev.reelmesh.v1.StillMotion;
import dev.reelmesh.v1.StitchAudio;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import dev.reelmesh.v1.StitchSegment;
import dev.reelmesh.v1.Transition;
import dev.reelmesh.v1.TransitionKind;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stitch segments that are stills with a camera move, rendered in the stitch's one encode. */
class StillSegmentTest extends MediaTestBase {
  private static final double FRAME = 1 / 24.0;

  static StitchSegment.Builder still(String uri, Motion motion, double seconds) {
    return StitchSegment.newBuilder().setDurationSeconds(seconds).setStill(StillMotion
        .newBuilder().setStartFrame(ref(uri)).setMotion(motion));
  }

  StitchResult stitch(StitchRequest request) {
    List<StitchEvent> events = new ArrayList<>();
    stub().stitch(request).forEachRemaining(events::add);
    return events.get(events.size() - 1).getResult();
  }

  @ParameterizedTest
  @EnumSource(value = Motion.class, names = {"MOTION_ZOOM_IN", "MOTION_ZOOM_OUT",
      "MOTION_PAN_LEFT", "MOTION_PAN_RIGHT", "MOTION_PAN_UP", "MOTION_PAN_DOWN", "MOTION_GLIDE",
      "MOTION_STATIC"})
  void aStillMovesAsAskedAndAStaticOneDoesNot(Motion motion) {
    Scenes.draw(at("in/scene.png"), 640, 360, 7);
    StitchResult r = stitch(StitchRequest.newBuilder().setWidth(320).setHeight(180)
        .setOutputPath("out/" + motion + ".mp4")
        .addSegments(still("in/scene.png", motion, 1.5)).build());

    MediaInfo info = TestMedia.probe(at(r.getVideo().getUri()));
    assertThat(info.video().orElseThrow().durationSeconds()).isCloseTo(1.5, within(FRAME));
    assertThat(info.video().orElseThrow().width()).isEqualTo(320);
    assertThat(r.getStreamCopied()).isFalse();
    byte[] first = Pictures.grey(at(r.getVideo().getUri()), 0, 160, 90);
    byte[] last = Pictures.grey(at(r.getVideo().getUri()), 1.5 - FRAME, 160, 90);
    double moved = Pictures.difference(first, last, 160, 0, 90);
    if (motion == Motion.MOTION_STATIC) {
      assertThat(moved).isLessThan(2);
    } else {
      assertThat(moved).as("mean pixel change first→last frame").isGreaterThan(6);
    }
  }

  @Test
  void stillsAndClipsMixWithTransitionsCaptionsAndTheMix() throws Exception {
    Scenes.draw(at("in/a.png"), 640, 360, 1);
    Scenes.draw(at("in/b.png"), 640, 360, 2);
    Scenes.draw(at("in/c.png"), 480, 360, 3);
    TestMedia.clip(at("in/clip.mp4"), 320, 180, 24, 3, 3000);
    TestMedia.tone(at("in/voice.wav"), 1000, 1.2, -8);
    TestMedia.tone(at("in/music.wav"), 150, 3, -3);
    Transition dissolve = Transition.newBuilder()
        .setKind(TransitionKind.TRANSITION_KIND_DISSOLVE).setDurationSeconds(0.5).build();
    StitchRequest request = StitchRequest.newBuilder().setOutputPath("out/mixed.mp4")
        .addSegments(still("in/a.png", Motion.MOTION_ZOOM_IN, 2))
        .addSegments(StitchSegment.newBuilder().setClip(ref("in/clip.mp4"))
            .setDurationSeconds(2.5))
        .addSegments(StitchSegment.newBuilder().setDurationSeconds(2).setStill(StillMotion
            .newBuilder().setStartFrame(ref("in/b.png")).setEndFrame(ref("in/c.png"))
            .setMotion(Motion.MOTION_BLEND)))
        .addSegments(still("in/c.png", Motion.MOTION_STATIC, 2)
            .setPreviewPath("out/preview-3.mp4"))
        .addTransitions(dissolve).addTransitions(Transition.getDefaultInstance())
        .addTransitions(dissolve)
        .setAudio(StitchAudio.newBuilder()
            .addNarration(NarrationSegment.newBuilder().setAudio(ref("in/voice.wav"))
                .setStartSeconds(0.5).setText("A house on the hill."))
            .addNarration(NarrationSegment.newBuilder().setStartSeconds(6.5)
                .setDurationSeconds(1.5).setText("Evening comes."))
            .setMusic(MusicBed.newBuilder().setFile(ref("in/music.wav")))
            .setCaptions(CaptionOptions.newBuilder().setWriteSrt(true).setBurnIn(true)))
        .build();

    StitchResult r = stitch(request);

    // Whole frames: 2 + 2.5 + 2 + 2 − 0.5 − 0.5 = 7.5 s, 320x180 from the clip segment.
    MediaInfo info = TestMedia.probe(at("out/mixed.mp4"));
    assertThat(info.video().orElseThrow().durationSeconds()).isCloseTo(7.5, within(FRAME));
    assertThat(info.audio().orElseThrow().durationSeconds()).isCloseTo(7.5, within(FRAME));
    assertThat(info.video().orElseThrow().width()).isEqualTo(320);
    assertThat(r.getTransitions()).isEqualTo(2);
    assertThat(Levels.integratedLufs(at("out/mixed.mp4"))).isCloseTo(-14, within(1.0));
    assertThat(r.getLoudness().getIntegratedLufs()).isCloseTo(-14, within(1.0));
    assertThat(Files.readString(at("out/mixed.srt"))).contains("A house on the hill.")
        .contains("00:00:06,500 --> 00:00:07,500").contains("Evening comes.");
    // The burnt-in caption: the static last shot (5.5–7.5 s), with its caption (from 6.5 s, cut
    // at the end of the video) and without.
    byte[] captioned = Pictures.grey(at("out/mixed.mp4"), 7.0, 320, 180);
    byte[] plain = Pictures.grey(at("out/mixed.mp4"), 6.2, 320, 180);
    assertThat(Pictures.difference(captioned, plain, 320, 130, 180)).isGreaterThan(3);
    assertThat(Pictures.difference(captioned, plain, 320, 0, 90)).isLessThan(1);
    // The preview: segment 3 alone, small, same length.
    assertThat(r.getPreviewsList()).hasSize(1);
    assertThat(r.getPreviews(0).getSegment()).isEqualTo(3);
    MediaInfo preview = TestMedia.probe(at(r.getPreviews(0).getVideo().getUri()));
    assertThat(preview.video().orElseThrow().height()).isEqualTo(180);
    assertThat(preview.video().orElseThrow().durationSeconds()).isCloseTo(2, within(FRAME));
    assertThat(preview.audio()).isEmpty();
  }

  @Test
  void previewsAreLowResolutionAndOnlyWhenAsked() {
    Scenes.draw(at("in/a.png"), 1280, 720, 4);
    StitchResult r = stitch(StitchRequest.newBuilder().setOutputPath("out/p.mp4")
        .addSegments(still("in/a.png", Motion.MOTION_PAN_LEFT, 1)
            .setPreviewPath("out/p0.mp4"))
        .addSegments(still("in/a.png", Motion.MOTION_PAN_RIGHT, 1)).build());
    assertThat(r.getProbe().getStreams(0).getWidth()).isEqualTo(1280);
    assertThat(r.getPreviewsList()).extracting(p -> p.getVideo().getUri())
        .containsExactly("out/p0.mp4");
    MediaInfo p0 = TestMedia.probe(at("out/p0.mp4"));
    assertThat(p0.video().orElseThrow().width()).isEqualTo(320);
    assertThat(p0.video().orElseThrow().height()).isEqualTo(180);
    // The preview shows the same move as its shot in the video, at the same moment.
    byte[] inVideo = Pictures.grey(at("out/p.mp4"), 0.5, 160, 90);
    byte[] inPreview = Pictures.grey(at("out/p0.mp4"), 0.5, 160, 90);
    assertThat(Pictures.difference(inVideo, inPreview, 160, 0, 90)).isLessThan(6);
    assertThat(Files.exists(at("out/p1.mp4"))).isFalse();
  }
}
