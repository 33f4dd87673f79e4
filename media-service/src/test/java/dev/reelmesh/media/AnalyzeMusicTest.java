package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.v1.AnalyzeMusicRequest;
import dev.reelmesh.v1.AnalyzeMusicResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tempo and beats on audio of known tempo made by FFmpeg (lavfi aevalsrc): click tracks, and
 * synthesised music (kick on the beat, noise hi-hat off the beat, a sustained chord).
 */
class AnalyzeMusicTest extends MediaTestBase {
  private static final double SECONDS = 16;

  /** A click every beat, the first of each bar of 4 higher and louder. */
  private Path clicks(String name, double bpm) {
    String p = Encoders.num(60 / bpm);
    String bar = Encoders.num(240 / bpm);
    return lavfi(name, "if(lt(mod(t," + bar + "),0.02),0.9*sin(2*PI*3000*t),"
        + "if(lt(mod(t," + p + "),0.02),0.45*sin(2*PI*2000*t),0))");
  }

  /**
   * A drum pattern over a chord: kick on beats 1 and 3, snare on 2 and 4, high-passed hi-hat on
   * every eighth note (on and off the beat); the second half is louder (0.4 → 1).
   */
  private Path music(String name, double bpm) {
    String p = Encoders.num(60 / bpm);
    String two = Encoders.num(120 / bpm);
    String eighth = Encoders.num(30 / bpm);
    String len = Encoders.num(SECONDS);
    String drums = "st(0,mod(t," + two + "));st(1,mod(t+" + p + "," + two + "));"
        + "0.8*exp(-ld(0)*20)*sin(2*PI*(55+120*exp(-ld(0)*30))*ld(0))"
        + "+0.35*exp(-ld(1)*25)*(sin(2*PI*190*ld(1))+0.7*(2*random(0)-1))"
        + "+0.06*sin(2*PI*220*t)+0.05*sin(2*PI*277.18*t)+0.05*sin(2*PI*329.63*t)";
    String hats = "st(0,mod(t," + eighth + "));0.3*exp(-ld(0)*70)*(2*random(0)-1)";
    Path file = at("in/" + name + ".wav");
    TestMedia.ffmpeg(List.of("-filter_complex", "aevalsrc=exprs='" + drums + "':s=44100:d=" + len
        + "[d];aevalsrc=exprs='" + hats + "':s=44100:d=" + len + ",highpass=f=7000[h];"
        + "[d][h]amix=inputs=2:normalize=0,volume='if(gt(t," + Encoders.num(SECONDS / 2)
        + "),1,0.4)':eval=frame[out]", "-map", "[out]", file.toString()));
    return file;
  }

  private Path lavfi(String name, String expr) {
    Path file = at("in/" + name + ".wav");
    TestMedia.ffmpeg(List.of("-f", "lavfi", "-i", "aevalsrc=exprs='" + expr
        + "':s=44100:d=" + Encoders.num(SECONDS), file.toString()));
    return file;
  }

  private AnalyzeMusicResponse analyse(String uri) {
    return stub().analyzeMusic(AnalyzeMusicRequest.newBuilder().setMusic(ref(uri)).build());
  }

  @ParameterizedTest
  @ValueSource(doubles = {120, 97, 144})
  void clickTracksGiveTheirTempoBeatsAndBars(double bpm) {
    clicks("clicks", bpm);
    AnalyzeMusicResponse r = analyse("in/clicks.wav");

    assertThat(r.getTempoBpm()).isCloseTo(bpm, within(2.0));
    assertBeatsOnGrid(r.getBeatSecondsList(), 60 / bpm);
    // Bars start on the accented clicks, every fourth beat.
    for (double bar : r.getBarSecondsList()) {
      assertThat(distanceToGrid(bar, 240 / bpm)).as("bar at %.3f s", bar).isLessThan(0.05);
    }
    assertThat(r.getBarSecondsCount()).isBetween(r.getBeatSecondsCount() / 4 - 1,
        r.getBeatSecondsCount() / 4 + 1);
    assertThat(r.getDurationSeconds()).isCloseTo(SECONDS, within(0.05));
    assertThat(r.getTempoConfidence()).isGreaterThan(0.3);
  }

  @ParameterizedTest
  @ValueSource(doubles = {128, 100, 84})
  void synthesisedMusicGivesItsTempoBeatsAndEnergy(double bpm) {
    music("music", bpm);
    AnalyzeMusicResponse r = analyse("in/music.wav");

    assertThat(r.getTempoBpm()).isCloseTo(bpm, within(2.0));
    assertBeatsOnGrid(r.getBeatSecondsList(), 60 / bpm);
    assertThat(r.getBeatEnergyCount()).isEqualTo(r.getBeatSecondsCount());
    double quiet = 0;
    double loud = 0;
    int nq = 0;
    int nl = 0;
    for (int i = 0; i < r.getBeatSecondsCount(); i++) {
      double t = r.getBeatSeconds(i);
      if (t < SECONDS / 2 - 1) {
        quiet += r.getBeatEnergy(i);
        nq++;
      } else if (t > SECONDS / 2 + 0.1 && t < SECONDS - 1) {
        loud += r.getBeatEnergy(i);
        nl++;
      }
    }
    // The second half is 0.4 → 1 in amplitude: its beats measure ~2.5x the energy.
    assertThat((loud / nl) / (quiet / nq)).isBetween(2.0, 3.0);
    assertThat(r.getBeatEnergyList()).allMatch(e -> e >= 0 && e <= 1);
  }

  @Test
  void aSteadyToneHasNoBeatToFind() {
    TestMedia.tone(at("in/tone.wav"), 440, 6, -10);
    AnalyzeMusicResponse r = analyse("in/tone.wav");
    assertThat(r.getTempoConfidence()).isLessThan(0.3);
    assertThat(r.getDurationSeconds()).isCloseTo(6, within(0.05));
  }

  @Test
  void badRequestsAnswerPreciseStatuses() {
    clicks("clicks", 120);
    TestMedia.still(at("in/still.png"), 64, 64, "testsrc2");
    expect(AnalyzeMusicRequest.newBuilder(), Status.Code.INVALID_ARGUMENT, "music");
    expect(AnalyzeMusicRequest.newBuilder().setMusic(ref("in/none.wav")), Status.Code.NOT_FOUND,
        "music");
    expect(AnalyzeMusicRequest.newBuilder().setMusic(ref("in/still.png")),
        Status.Code.INVALID_ARGUMENT, "music: expected audio");
    AnalyzeMusicRequest.Builder ok = AnalyzeMusicRequest.newBuilder().setMusic(ref(
        "in/clicks.wav"));
    expect(ok.clone().setMinBpm(10), Status.Code.INVALID_ARGUMENT, "min_bpm");
    expect(ok.clone().setMaxBpm(500), Status.Code.INVALID_ARGUMENT, "max_bpm");
    expect(ok.clone().setMinBpm(150).setMaxBpm(100), Status.Code.INVALID_ARGUMENT, "min_bpm");
    expect(ok.clone().setBeatsPerBar(17), Status.Code.INVALID_ARGUMENT, "beats_per_bar");
    expect(ok.clone().setBeatsPerBar(-1), Status.Code.INVALID_ARGUMENT, "beats_per_bar");
  }

  private void expect(AnalyzeMusicRequest.Builder r, Status.Code code, String start) {
    assertThatThrownBy(() -> stub().analyzeMusic(r.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).startsWith(start);
        });
  }

  /** Every beat within 50 ms of the true grid, and (almost) every true beat found. */
  private static void assertBeatsOnGrid(List<Double> beats, double period) {
    for (double b : beats) {
      assertThat(distanceToGrid(b, period)).as("beat at %.3f s", b).isLessThan(0.05);
    }
    int expected = (int) Math.floor((SECONDS - 1e-9) / period) + 1;
    assertThat(beats.size()).as("beats found of %d", expected)
        .isBetween((int) Math.floor(expected * 0.9), expected);
  }

  private static double distanceToGrid(double t, double period) {
    double r = t - Math.round(t / period) * period;
    return Math.abs(r);
  }
}
