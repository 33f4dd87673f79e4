package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.CaptionOptions;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.MixAudioRequest;
import dev.reelmesh.v1.MixAudioResponse;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MixAudioTest extends MediaTestBase {

  private static NarrationSegment segment(String uri, double start, String text) {
    return NarrationSegment.newBuilder().setAudio(ref(uri)).setStartSeconds(start)
        .setText(text).build();
  }

  @Test
  void narrationOverDuckedLoopedMusicHitsLoudnessTarget() throws Exception {
    TestMedia.tone(at("in/voice.wav"), 2000, 1.5, -6);
    TestMedia.tone(at("in/music.wav"), 150, 2.5, -3);
    MixAudioResponse r = stub().mixAudio(MixAudioRequest.newBuilder().setDurationSeconds(6)
        .addNarration(segment("in/voice.wav", 1.0, "Good morning."))
        .addNarration(segment("in/voice.wav", 3.5, "Pour slowly.\nThen wait."))
        .setMusic(MusicBed.newBuilder().setFile(ref("in/music.wav")).setFadeInSeconds(0.1)
            .setFadeOutSeconds(0.1))
        .setCaptions(CaptionOptions.newBuilder().setWriteSrt(true))
        .setOutputPath("out/mix.m4a").build());

    MediaInfo info = TestMedia.probe(at("out/mix.m4a"));
    assertThat(info.durationSeconds()).isCloseTo(6, within(0.05));
    assertThat(info.video()).isEmpty();
    assertThat(info.audio().orElseThrow().codec()).isEqualTo("aac");
    assertThat(r.getLoudness().getIntegratedLufs()).isCloseTo(-14, within(1.0));
    assertThat(r.getLoudness().getTruePeakDbtp()).isLessThanOrEqualTo(-0.5);
    assertThat(Levels.integratedLufs(at("out/mix.m4a"))).isCloseTo(-14, within(1.0));
    // The bed (below 400 Hz) is measurably lower while the voice speaks, and it kept playing
    // after its 2.5 s file ran out (looped; a trimmed-only bed would be silent there).
    double open = Levels.bandRmsDb(at("out/mix.m4a"), 0.3, 0.9, 400);
    double underVoice = Levels.bandRmsDb(at("out/mix.m4a"), 1.5, 2.3, 400);
    double looped = Levels.bandRmsDb(at("out/mix.m4a"), 5.3, 5.8, 400);
    assertThat(open - underVoice).isGreaterThan(5);
    assertThat(looped).isGreaterThan(underVoice + 2);
    assertThat(Files.readString(at(r.getCaptionsSrt().getUri()))).isEqualTo(
        "1\n00:00:01,000 --> 00:00:02,500\nGood morning.\n\n"
            + "2\n00:00:03,500 --> 00:00:05,000\nPour slowly. Then wait.\n\n");
  }

  @Test
  void generatedBedAndBurntInCaptionsOntoVideo() {
    TestMedia.clip(at("in/v.mp4"), 320, 180, 24, 2, 0);
    TestMedia.tone(at("in/voice.wav"), 800, 1, -10);
    MixAudioResponse r = stub().mixAudio(MixAudioRequest.newBuilder().setVideo(ref("in/v.mp4"))
        .addNarration(segment("in/voice.wav", 0.5, "Hello: it's 'quoted', 100%"))
        .setMusic(MusicBed.newBuilder().setGenerate(true))
        .setCaptions(CaptionOptions.newBuilder().setBurnIn(true).setWriteSrt(true))
        .setTargetLufs(-16).setOutputPath("out/final.mp4").build());

    MediaInfo info = TestMedia.probe(at("out/final.mp4"));
    assertThat(info.durationSeconds()).isCloseTo(2, within(1 / 24.0));
    assertThat(info.video().orElseThrow().codec()).isEqualTo("h264");
    assertThat(info.audio().orElseThrow().codec()).isEqualTo("aac");
    assertThat(Levels.integratedLufs(at("out/final.mp4"))).isCloseTo(-16, within(1.0));
    assertThat(r.getCaptionsSrt().getUri()).isEqualTo("out/final.srt");
  }

  @Test
  void theSameMixTwiceGivesTheSameBytes() throws Exception {
    TestMedia.tone(at("in/voice.wav"), 2000, 1.5, -6);
    TestMedia.tone(at("in/music.wav"), 150, 2.5, -3);
    byte[][] outputs = new byte[3][];
    for (int i = 0; i < outputs.length; i++) {
      stub().mixAudio(MixAudioRequest.newBuilder().setDurationSeconds(6)
          .addNarration(segment("in/voice.wav", 1.0, ""))
          .addNarration(segment("in/voice.wav", 3.5, ""))
          .setMusic(MusicBed.newBuilder().setFile(ref("in/music.wav")))
          .setOutputPath("out/same-" + i + ".m4a").build());
      outputs[i] = Files.readAllBytes(at("out/same-" + i + ".m4a"));
    }
    assertThat(outputs[1]).isEqualTo(outputs[0]);
    assertThat(outputs[2]).isEqualTo(outputs[0]);
  }

  @Test
  void captionOnlySegmentsWriteCaptionsWithoutSpeech() throws Exception {
    TestMedia.clip(at("in/c.mp4"), 320, 180, 24, 3, 0);
    MixAudioResponse r = stub().mixAudio(MixAudioRequest.newBuilder().setVideo(ref("in/c.mp4"))
        .addNarration(NarrationSegment.newBuilder().setStartSeconds(0.5).setText("No voice.")
            .setDurationSeconds(1.5))
        .setMusic(MusicBed.newBuilder().setGenerate(true))
        .setCaptions(CaptionOptions.newBuilder().setWriteSrt(true))
        .setOutputPath("out/captions-only.mp4").build());
    assertThat(Files.readString(at(r.getCaptionsSrt().getUri())))
        .isEqualTo("1\n00:00:00,500 --> 00:00:02,000\nNo voice.\n\n");
    assertThat(TestMedia.probe(at("out/captions-only.mp4")).durationSeconds())
        .isCloseTo(3, within(1 / 24.0));
    assertThatThrownBy(() -> stub().mixAudio(MixAudioRequest.newBuilder()
            .setVideo(ref("in/c.mp4")).addNarration(NarrationSegment.newBuilder()
                .setStartSeconds(0.5).setDurationSeconds(1))
            .setOutputPath("out/nothing.mp4").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("narration[0]");
        });
  }

  @Test
  void aTruePeakCeilingBelowTheGainNeededIsHeldByTheLimiter() {
    // Pink noise peaks far above its loudness: a plain gain to -7 LUFS would cross -1 dBTP.
    TestMedia.ffmpeg(java.util.List.of("-f", "lavfi", "-i", "anoisesrc=color=pink:seed=3:"
        + "sample_rate=48000:amplitude=0.5:duration=4", at("in/noise.wav").toString()));
    MixAudioResponse r = stub().mixAudio(MixAudioRequest.newBuilder().setDurationSeconds(4)
        .addNarration(segment("in/noise.wav", 0, ""))
        .setTargetLufs(-7).setOutputPath("out/loud.m4a").build());

    assertThat(r.getLoudness().getTruePeakDbtp()).isLessThanOrEqualTo(-0.5);
    assertThat(r.getLoudness().getIntegratedLufs()).isCloseTo(-7, within(1.0));
    assertThat(Levels.integratedLufs(at("out/loud.m4a"))).isCloseTo(-7, within(1.0));
  }

  @Test
  void badRequestsAnswerPreciseStatuses() throws Exception {
    TestMedia.tone(at("in/voice.wav"), 800, 1, -10);
    TestMedia.still(at("in/pic.png"), 64, 64, "testsrc2");
    Supplier<MixAudioRequest.Builder> ok = () -> MixAudioRequest.newBuilder()
        .setDurationSeconds(3).addNarration(segment("in/voice.wav", 0, "hi"))
        .setOutputPath("out/bad.m4a");
    assertStatus(stub(), ok.get().clearDurationSeconds(), Status.Code.INVALID_ARGUMENT,
        "duration_seconds");
    assertStatus(stub(), ok.get().addNarration(segment("in/voice.wav", -1, "")),
        Status.Code.INVALID_ARGUMENT, "narration[1].start_seconds");
    assertStatus(stub(), ok.get().addNarration(segment("in/pic.png", 1, "")),
        Status.Code.INVALID_ARGUMENT, "narration[1].audio: expected audio");
    assertStatus(stub(), ok.get().addNarration(segment("in/none.wav", 1, "")),
        Status.Code.NOT_FOUND, "narration[1].audio");
    assertStatus(stub(), ok.get().setTargetLufs(3), Status.Code.INVALID_ARGUMENT,
        "target_lufs");
    assertStatus(stub(), ok.get().setCaptions(CaptionOptions.newBuilder().setBurnIn(true)),
        Status.Code.INVALID_ARGUMENT, "captions.burn_in");
    assertStatus(stub(), ok.get().setOutputPath("../../x.m4a"), Status.Code.INVALID_ARGUMENT,
        "output_path");
    assertThat(Files.exists(at("out/bad.m4a"))).isFalse();

    // A machine without a TrueType font says which package to install.
    TestMedia.clip(at("in/v.mp4"), 160, 90, 24, 1, 0);
    try (InProcessService noFont = InProcessService.start(MediaServices.create(
        new MediaConfig(root, 1, 1024, null)))) {
      assertStatus(MediaServiceGrpc.newBlockingStub(noFont.channel()),
          ok.get().setVideo(ref("in/v.mp4")).setOutputPath("out/nofont.mp4")
              .setCaptions(CaptionOptions.newBuilder().setBurnIn(true)),
          Status.Code.FAILED_PRECONDITION, "fonts-dejavu-core");
    }
  }

  private static void assertStatus(MediaServiceGrpc.MediaServiceBlockingStub stub,
      MixAudioRequest.Builder r, Status.Code code, String text) {
    assertThatThrownBy(() -> stub.mixAudio(r.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).contains(text);
        });
  }
}
