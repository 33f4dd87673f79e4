package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.StitchAudio;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import dev.reelmesh.v1.Transition;
import dev.reelmesh.v1.TransitionKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stitch with {@code clip_seconds}: clips longer than their slot, cut down to it. */
class StitchTrimTest extends MediaTestBase {
  private static final double FRAME = 1 / 24.0;

  /** Clips of 1, 1.5 and 2 s with their own tones, matching so that cuts could stream-copy. */
  private StitchRequest.Builder threeClips(double... keep) {
    StitchRequest.Builder r = StitchRequest.newBuilder();
    for (int i = 0; i < 3; i++) {
      TestMedia.clip(at("in/c" + i + ".mp4"), 320, 180, 24, 1 + i * 0.5, 300 + 100 * i);
      r.addClips(ref("in/c" + i + ".mp4"));
    }
    for (double k : keep) {
      r.addClipSeconds(k);
    }
    return r;
  }

  private static Transition dissolve(double seconds) {
    return Transition.newBuilder().setKind(TransitionKind.TRANSITION_KIND_DISSOLVE)
        .setDurationSeconds(seconds).build();
  }

  private StitchResult stitch(StitchRequest request) {
    List<StitchEvent> events = new ArrayList<>();
    stub().stitch(request).forEachRemaining(events::add);
    return events.get(events.size() - 1).getResult();
  }

  private MediaInfo assertLength(String file, double expected) {
    MediaInfo info = TestMedia.probe(at(file));
    assertThat(info.durationSeconds()).isCloseTo(expected, within(FRAME));
    assertThat(info.video().orElseThrow().durationSeconds()).isCloseTo(expected, within(FRAME));
    assertThat(info.audio().orElseThrow().durationSeconds()).isCloseTo(expected, within(FRAME));
    return info;
  }

  @Test
  void trimmedClipsJoinedByCutsLastTheSumOfTheirTrims() {
    // 0 keeps the middle clip whole.
    StitchResult r = stitch(threeClips(0.5, 0, 1.25).setOutputPath("out/cuts.mp4").build());
    assertThat(r.getStreamCopied()).isFalse();
    assertThat(r.getDurationSeconds()).isCloseTo(0.5 + 1.5 + 1.25, within(FRAME));
    assertLength("out/cuts.mp4", 0.5 + 1.5 + 1.25);
  }

  @Test
  void trimmedClipsJoinedByDissolvesLastTheSumMinusOverlaps() {
    StitchResult r = stitch(threeClips(0.75, 1.25, 1.5).addTransitions(dissolve(0.25))
        .addTransitions(dissolve(0.5)).setOutputPath("out/dissolves.mp4").build());
    assertThat(r.getTransitions()).isEqualTo(2);
    assertLength("out/dissolves.mp4", 0.75 + 1.25 + 1.5 - 0.25 - 0.5);
  }

  @Test
  void trimsShapeTheTimelineUnderAFinishedSoundtrack() {
    stitch(threeClips(0.5, 1, 1).addTransitions(dissolve(0.25))
        .addTransitions(Transition.getDefaultInstance())
        .setAudio(StitchAudio.getDefaultInstance()).setOutputPath("out/sound.mp4").build());
    assertLength("out/sound.mp4", 0.5 + 1 + 1 - 0.25);
  }

  @Test
  void trimsThatChangeNothingStillStreamCopy() {
    // The last asks for half a frame more than the clip has: within tolerance, the whole clip.
    StitchResult r = stitch(threeClips(1, 0, 2 + FRAME / 2).setOutputPath("out/copy.mp4")
        .build());
    assertThat(r.getStreamCopied()).isTrue();
    assertLength("out/copy.mp4", 4.5);
  }

  @Test
  void badTrimsAnswerPreciseStatusesAndTheServiceKeepsServing() throws Exception {
    assertInvalid(threeClips(1, 1), "clip_seconds: must be empty");
    assertInvalid(threeClips(1, -0.5, 1), "clip_seconds[1]: must be");
    assertInvalid(threeClips(Double.NaN, 1, 1), "clip_seconds[0]: must be");
    assertInvalid(threeClips(1, 1.5, 3), "clip_seconds[2]: 3.0 s is longer than clips[2] (2.0");
    // 0.75 s fits the whole 1 s clip but not the 0.5 s kept of it.
    assertInvalid(threeClips(0.5, 0, 0).addTransitions(dissolve(0.75))
        .addTransitions(dissolve(0.25)), "transitions[0].duration_seconds");
    try (var files = Files.list(at("out"))) {
      assertThat(files).isEmpty();
    }
    assertThat(stitch(threeClips(0.5, 0.5, 0.5).setOutputPath("out/after.mp4").build())
        .getDurationSeconds()).isCloseTo(1.5, within(FRAME));
  }

  private void assertInvalid(StitchRequest.Builder r, String text) throws Exception {
    Files.createDirectories(at("out"));
    assertThatThrownBy(() -> stitch(r.setOutputPath("out/bad.mp4").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains(text);
        });
  }
}
