package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.FitPolicy;
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

class StitchTest extends MediaTestBase {
  private static final double FRAME = 1 / 24.0;

  private StitchRequest.Builder threeClips() {
    for (int i = 0; i < 3; i++) {
      TestMedia.clip(at("in/c" + i + ".mp4"), 320, 180, 24, 1 + i * 0.5, 300 + 100 * i);
    }
    return StitchRequest.newBuilder().addClips(ref("in/c0.mp4")).addClips(ref("in/c1.mp4"))
        .addClips(ref("in/c2.mp4"));
  }

  private static Transition t(TransitionKind kind, double seconds) {
    return Transition.newBuilder().setKind(kind).setDurationSeconds(seconds).build();
  }

  private List<StitchEvent> stitch(StitchRequest request) {
    List<StitchEvent> events = new ArrayList<>();
    stub().stitch(request).forEachRemaining(events::add);
    return events;
  }

  @Test
  void transitionsOverlapClipsAndOutputIsSumMinusOverlaps() {
    List<StitchEvent> events = stitch(threeClips()
        .addTransitions(t(TransitionKind.TRANSITION_KIND_DISSOLVE, 0.5))
        .addTransitions(t(TransitionKind.TRANSITION_KIND_WIPE_LEFT, 0.25))
        .setOutputPath("out/t.mp4").build());

    StitchResult result = events.get(events.size() - 1).getResult();
    assertThat(result.getTransitions()).isEqualTo(2);
    assertThat(result.getStreamCopied()).isFalse();
    MediaInfo info = TestMedia.probe(at("out/t.mp4"));
    double expected = 1 + 1.5 + 2 - 0.5 - 0.25;
    assertThat(info.durationSeconds()).isCloseTo(expected, within(FRAME));
    assertThat(info.video().orElseThrow().durationSeconds()).isCloseTo(expected, within(FRAME));
    assertThat(info.audio().orElseThrow().durationSeconds()).isCloseTo(expected, within(FRAME));
    assertThat(events.subList(0, events.size() - 1)).allMatch(StitchEvent::hasProgress);
  }

  @Test
  void cutsBetweenMatchingClipsAreStreamCopied() {
    StitchResult copied = last(stitch(threeClips().setOutputPath("out/copy.mp4").build()));
    assertThat(copied.getStreamCopied()).isTrue();
    assertThat(copied.getTransitions()).isZero();
    assertThat(TestMedia.probe(at("out/copy.mp4")).durationSeconds())
        .isCloseTo(4.5, within(FRAME));

    StitchResult forced = last(stitch(threeClips().setForceReencode(true)
        .setOutputPath("out/forced.mp4").build()));
    assertThat(forced.getStreamCopied()).isFalse();
    assertThat(TestMedia.probe(at("out/forced.mp4")).durationSeconds())
        .isCloseTo(4.5, within(FRAME));
  }

  @Test
  void mixedSizesRatesAndSilentClipsAreNormalised() {
    TestMedia.clip(at("in/wide.mp4"), 320, 180, 24, 1, 440);
    TestMedia.clip(at("in/tall.mp4"), 180, 320, 30, 1, 0);
    for (FitPolicy fit : List.of(FitPolicy.FIT_POLICY_LETTERBOX, FitPolicy.FIT_POLICY_CROP)) {
      StitchResult r = last(stitch(StitchRequest.newBuilder().addClips(ref("in/wide.mp4"))
          .addClips(ref("in/tall.mp4")).setFit(fit)
          .addTransitions(t(TransitionKind.TRANSITION_KIND_FADE, 0.5))
          .setOutputPath("out/" + fit + ".mp4").build()));
      assertThat(r.getStreamCopied()).isFalse();
      MediaInfo info = TestMedia.probe(at("out/" + fit + ".mp4"));
      assertThat(info.video().orElseThrow().width()).isEqualTo(320);
      assertThat(info.video().orElseThrow().height()).isEqualTo(180);
      assertThat(info.video().orElseThrow().fps()).isCloseTo(24, within(0.01));
      assertThat(info.audio()).isPresent();
      assertThat(info.durationSeconds()).isCloseTo(1.5, within(FRAME));
    }
  }

  @Test
  void badRequestsAnswerPreciseStatusesAndLeaveNoFile() throws Exception {
    StitchRequest.Builder ok = threeClips();
    TestMedia.tone(at("in/tone.wav"), 440, 1, -20);
    TestMedia.truncated(at("in/c2.mp4"), at("in/broken.mp4"), 2000);
    assertStatus(StitchRequest.newBuilder(), Status.Code.INVALID_ARGUMENT, "clips");
    assertStatus(ok.clone().addTransitions(t(TransitionKind.TRANSITION_KIND_FADE, 0.2)),
        Status.Code.INVALID_ARGUMENT, "transitions");
    assertStatus(ok.clone().addTransitions(t(TransitionKind.TRANSITION_KIND_FADE, 1.2))
        .addTransitions(t(TransitionKind.TRANSITION_KIND_CUT, 0)),
        Status.Code.INVALID_ARGUMENT, "transitions[0].duration_seconds");
    assertStatus(ok.clone().addTransitions(Transition.newBuilder().setKindValue(42)
        .setDurationSeconds(0.2)).addTransitions(t(TransitionKind.TRANSITION_KIND_CUT, 0)),
        Status.Code.INVALID_ARGUMENT, "transitions[0].kind");
    assertStatus(ok.clone().addTransitions(t(TransitionKind.TRANSITION_KIND_DISSOLVE, -1))
        .addTransitions(t(TransitionKind.TRANSITION_KIND_CUT, 0)),
        Status.Code.INVALID_ARGUMENT, "transitions[0].duration_seconds");
    assertStatus(ok.clone().addClips(ref("in/nope.mp4")), Status.Code.NOT_FOUND, "clips[3]");
    assertStatus(ok.clone().addClips(ref("in/tone.wav")), Status.Code.INVALID_ARGUMENT,
        "clips[3]: expected a video");
    assertStatus(ok.clone().addClips(ref("/etc/passwd")), Status.Code.INVALID_ARGUMENT,
        "outside the artifact root");
    assertStatus(ok.clone().setWidth(7).setHeight(7), Status.Code.INVALID_ARGUMENT, "width");
    assertStatus(ok.clone().addClips(ref("in/broken.mp4")), Status.Code.INVALID_ARGUMENT,
        "clips[3]");
    try (var files = Files.list(at("out"))) {
      assertThat(files).isEmpty();
    }
  }

  private void assertStatus(StitchRequest.Builder r, Status.Code code, String text)
      throws Exception {
    Files.createDirectories(at("out"));
    assertThatThrownBy(() -> stitch(r.setOutputPath("out/bad.mp4").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).contains(text);
        });
  }

  private static StitchResult last(List<StitchEvent> events) {
    return events.get(events.size() - 1).getResult();
  }
}
