package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.CaptionOptions;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
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

/** Stitch with {@code audio}: the finished video (picture, mix, loudness, captions) in one call. */
class StitchWithAudioTest extends MediaTestBase {
  private static final double FRAME = 1 / 24.0;
  private static final Transition DISSOLVE = Transition.newBuilder()
      .setKind(TransitionKind.TRANSITION_KIND_DISSOLVE).setDurationSeconds(0.5).build();

  /** Three 2 s clips with their own (to be replaced) tones, dissolved: 6 − 1 = 5 s. */
  private StitchRequest.Builder threeClips() {
    for (int i = 0; i < 3; i++) {
      TestMedia.clip(at("in/c" + i + ".mp4"), 320, 180, 24, 2, 3000 + 500 * i);
    }
    return StitchRequest.newBuilder().addClips(ref("in/c0.mp4")).addClips(ref("in/c1.mp4"))
        .addClips(ref("in/c2.mp4")).addTransitions(DISSOLVE).addTransitions(DISSOLVE);
  }

  private List<StitchEvent> stitch(StitchRequest request) {
    List<StitchEvent> events = new ArrayList<>();
    stub().stitch(request).forEachRemaining(events::add);
    return events;
  }

  @Test
  void finishedVideoCarriesTheDuckedNormalisedMixAndCaptions() throws Exception {
    TestMedia.tone(at("in/voice.wav"), 2000, 1.5, -6);
    TestMedia.tone(at("in/music.wav"), 150, 2.5, -3);
    List<StitchEvent> events = stitch(threeClips().setOutputPath("out/final.mp4")
        .setAudio(StitchAudio.newBuilder()
            .addNarration(NarrationSegment.newBuilder().setAudio(ref("in/voice.wav"))
                .setStartSeconds(1.0).setText("Good morning."))
            .addNarration(NarrationSegment.newBuilder().setStartSeconds(3.5)
                .setDurationSeconds(1).setText("No voice here."))
            .setMusic(MusicBed.newBuilder().setFile(ref("in/music.wav"))
                .setFadeInSeconds(0.1).setFadeOutSeconds(0.1))
            .setTargetLufs(-16).setTruePeakDb(-2)
            .setCaptions(CaptionOptions.newBuilder().setWriteSrt(true).setBurnIn(true)))
        .build());

    StitchResult r = events.get(events.size() - 1).getResult();
    assertThat(events.subList(0, events.size() - 1)).allMatch(StitchEvent::hasProgress);
    assertThat(r.getTransitions()).isEqualTo(2);
    assertThat(r.getStreamCopied()).isFalse();
    MediaInfo info = TestMedia.probe(at("out/final.mp4"));
    assertThat(info.durationSeconds()).isCloseTo(5, within(FRAME));
    assertThat(info.video().orElseThrow().durationSeconds()).isCloseTo(5, within(FRAME));
    assertThat(info.audio().orElseThrow().codec()).isEqualTo("aac");
    assertThat(info.audio().orElseThrow().durationSeconds()).isCloseTo(5, within(FRAME));
    // Loudness and peak as written, not only as the service reports them.
    assertThat(Levels.integratedLufs(at("out/final.mp4"))).isCloseTo(-16, within(1.0));
    assertThat(Levels.truePeakDbtp(at("out/final.mp4"))).isLessThanOrEqualTo(-2 + 0.5);
    assertThat(r.getLoudness().getIntegratedLufs()).isCloseTo(-16, within(1.0));
    assertThat(r.getLoudness().getTruePeakDbtp()).isLessThanOrEqualTo(-2 + 0.5);
    // The bed (below 400 Hz; the clips' own tones are far above it) dips under the voice.
    double open = Levels.bandRmsDb(at("out/final.mp4"), 0.3, 0.9, 400);
    double underVoice = Levels.bandRmsDb(at("out/final.mp4"), 1.5, 2.3, 400);
    assertThat(open - underVoice).isGreaterThan(5);
    assertThat(r.getCaptionsSrt().getUri()).isEqualTo("out/final.srt");
    assertThat(Files.readString(at("out/final.srt"))).isEqualTo(
        "1\n00:00:01,000 --> 00:00:02,500\nGood morning.\n\n"
            + "2\n00:00:03,500 --> 00:00:04,500\nNo voice here.\n\n");
  }

  @Test
  void theClipsOwnSoundIsReplaced() {
    // Clip tones at 3–4 kHz, an empty soundtrack (no narration, no music): the output is silent.
    stitch(threeClips().setOutputPath("out/quiet.mp4")
        .setAudio(StitchAudio.getDefaultInstance()).build());
    assertThat(TestMedia.probe(at("out/quiet.mp4")).audio()).isPresent();
    assertThat(Levels.bandRmsDb(at("out/quiet.mp4"), 0, 5, 20000))
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void badAudioAnswersInvalidArgumentNamingTheField() throws Exception {
    StitchRequest.Builder ok = threeClips();
    TestMedia.tone(at("in/voice.wav"), 800, 1, -10);
    NarrationSegment.Builder line = NarrationSegment.newBuilder().setAudio(ref("in/voice.wav"))
        .setText("hi");
    assertStatus(ok, StitchAudio.newBuilder().addNarration(line.clone().setStartSeconds(-1)),
        Status.Code.INVALID_ARGUMENT, "audio.narration[0].start_seconds");
    assertStatus(ok, StitchAudio.newBuilder().addNarration(line.clone().setStartSeconds(1))
            .addNarration(line.clone().setStartSeconds(5.2)),
        Status.Code.INVALID_ARGUMENT, "audio.narration[1].start_seconds");
    assertStatus(ok, StitchAudio.newBuilder().addNarration(NarrationSegment.newBuilder()
            .setStartSeconds(1).setText("caption only, no length")),
        Status.Code.INVALID_ARGUMENT, "audio.narration[0].duration_seconds");
    assertStatus(ok, StitchAudio.newBuilder().setTargetLufs(3), Status.Code.INVALID_ARGUMENT,
        "audio.target_lufs");
    assertStatus(ok, StitchAudio.newBuilder().setCaptions(CaptionOptions.newBuilder()
        .setWriteSrt(true)), Status.Code.INVALID_ARGUMENT, "audio.captions");
    assertStatus(ok, StitchAudio.newBuilder().setMusic(MusicBed.newBuilder()
        .setFile(ref("in/none.wav"))), Status.Code.NOT_FOUND, "audio.music.file");
    try (var files = Files.list(at("out"))) {
      assertThat(files).isEmpty();
    }
  }

  private void assertStatus(StitchRequest.Builder ok, StitchAudio.Builder audio,
      Status.Code code, String text) throws Exception {
    Files.createDirectories(at("out"));
    StitchRequest r = ok.clone().setAudio(audio).setOutputPath("out/bad.mp4").build();
    assertThatThrownBy(() -> stitch(r))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).contains(text);
        });
  }
}
