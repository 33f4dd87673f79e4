package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.audio.AudioMixer;
import dev.reelmesh.media.audio.LoudnessReading;
import dev.reelmesh.media.audio.MixOutcome;
import dev.reelmesh.media.audio.MixSpec;
import dev.reelmesh.media.audio.MusicSource;
import dev.reelmesh.media.audio.NarrationClip;
import dev.reelmesh.media.captions.BurnIn;
import dev.reelmesh.media.captions.CaptionCue;
import dev.reelmesh.media.captions.SrtWriter;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.StreamMeta;
import dev.reelmesh.v1.LoudnessMeasurement;
import dev.reelmesh.v1.MixAudioRequest;
import dev.reelmesh.v1.MixAudioResponse;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** MixAudio: validate, place narration, build the bed, mix, normalise, captions. */
final class MixRpc {
  private final Toolkit kit;
  private final AudioMixer mixer;

  MixRpc(Toolkit kit) {
    this.kit = kit;
    this.mixer = new AudioMixer(kit.runner());
  }

  MixAudioResponse handle(MixAudioRequest r, Cancellation cancel) {
    double narrationLufs = level("narration_lufs", r.getNarrationLufs(), -16, -40, -5);
    double targetLufs = level("target_lufs", r.getTargetLufs(), -14, -40, -5);
    double truePeak = level("true_peak_db", r.getTruePeakDb(), -1, -9, 0);
    boolean hasVideo = r.hasVideo() && !r.getVideo().getUri().isEmpty();
    Fields.require(!r.getCaptions().getBurnIn() || hasVideo, "captions.burn_in",
        "needs a video to draw on");
    Fields.require(r.getCaptions().getFontSize() >= 0 && r.getCaptions().getFontSize() <= 400,
        "captions.font_size", "must be in [0, 400] pixels, got " + r.getCaptions().getFontSize());
    Path video = hasVideo ? kit.input("video", r.getVideo()) : null;
    MediaInfo videoInfo = hasVideo ? kit.video("video", video, cancel) : null;
    double seconds = hasVideo ? videoInfo.durationSeconds()
        : Fields.seconds("duration_seconds", r.getDurationSeconds(), 0, 3600, true);

    List<NarrationClip> narration = new ArrayList<>();
    List<CaptionCue> cues = new ArrayList<>();
    for (int k = 0; k < r.getNarrationCount(); k++) {
      NarrationSegment s = r.getNarration(k);
      String field = "narration[" + k + "]";
      Fields.seconds(field + ".start_seconds", s.getStartSeconds(), 0, seconds, false);
      Fields.require(s.getStartSeconds() < seconds, field + ".start_seconds",
          "starts at or after the end of the output (" + seconds + " s)");
      Fields.require(s.getDurationSeconds() >= 0, field + ".duration_seconds",
          "must be >= 0, got " + s.getDurationSeconds());
      double spoken = 0;
      if (s.hasAudio() && !s.getAudio().getUri().isEmpty()) {
        Path audio = kit.input(field + ".audio", s.getAudio());
        MediaInfo info = kit.audio(field + ".audio", audio, cancel);
        narration.add(new NarrationClip(audio, s.getStartSeconds(), info.durationSeconds()));
        spoken = info.durationSeconds();
      } else {
        // A line with no audio is a caption only (no speech engine): it needs text and a length.
        Fields.require(!s.getText().isBlank(), field,
            "has neither audio nor text; give audio, or text with duration_seconds");
        Fields.require(s.getDurationSeconds() > 0, field + ".duration_seconds",
            "a caption-only segment (no audio) needs a duration > 0");
      }
      if (!s.getText().isBlank()) {
        double shown = s.getDurationSeconds() > 0 ? s.getDurationSeconds() : spoken;
        cues.add(new CaptionCue(s.getStartSeconds(),
            Math.min(seconds, s.getStartSeconds() + shown), s.getText()));
      }
    }
    boolean wantsCaptions = r.getCaptions().getWriteSrt() || r.getCaptions().getBurnIn();
    Fields.require(!wantsCaptions || !cues.isEmpty(), "captions",
        "captions were asked for but no narration segment has text");
    MusicSource music = music(r.getMusic(), cancel);

    Path output = kit.store().newOutput("output_path", r.getOutputPath(), "media",
        hasVideo ? ".mp4" : ".m4a");
    Path workDir = null;
    try {
      String videoFilter = null;
      MixSpec.VideoFormat format = null;
      if (r.getCaptions().getBurnIn()) {
        Path font = kit.config().fontFile();
        if (font == null) {
          throw Status.FAILED_PRECONDITION.withDescription("captions.burn_in: no TrueType font "
              + "on this machine for drawtext; " + Fonts.PACKAGE_HINT).asRuntimeException();
        }
        StreamMeta v = videoInfo.video().orElseThrow();
        int size = r.getCaptions().getFontSize() > 0 ? r.getCaptions().getFontSize()
            : Math.max(8, v.height() / 18);
        workDir = Files.createTempDirectory("reelmesh-captions");
        videoFilter = BurnIn.filter(cues, font, size, workDir, new ArrayList<>());
        format = new MixSpec.VideoFormat(v.width(), v.height(), v.fps());
      }
      MixOutcome outcome = mixer.mix(new MixSpec(video, seconds, narration, music,
          narrationLufs, targetLufs, truePeak, videoFilter, format, output), cancel);
      MixAudioResponse.Builder response = MixAudioResponse.newBuilder()
          .setOutput(kit.store().describe(outcome.output()))
          .setLoudness(proto(outcome.loudness()))
          .setDurationSeconds(kit.probe("output", outcome.output(), cancel).durationSeconds());
      if (r.getCaptions().getWriteSrt()) {
        Path srt = output.resolveSibling(stem(output) + ".srt");
        Files.writeString(srt, SrtWriter.write(cues));
        response.setCaptionsSrt(kit.store().describe(srt, "application/x-subrip"));
      }
      return response.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(workDir);
    }
  }

  private MusicSource music(MusicBed bed, Cancellation cancel) {
    Fields.require(bed.getFadeInSeconds() >= 0, "music.fade_in_seconds", "must be >= 0");
    Fields.require(bed.getFadeOutSeconds() >= 0, "music.fade_out_seconds", "must be >= 0");
    Fields.require(bed.getGainDb() >= -60 && bed.getGainDb() <= 20, "music.gain_db",
        "must be in [-60, 20] dB, got " + bed.getGainDb());
    double fadeIn = bed.getFadeInSeconds() == 0 ? 1.0 : bed.getFadeInSeconds();
    double fadeOut = bed.getFadeOutSeconds() == 0 ? 2.0 : bed.getFadeOutSeconds();
    double gain = bed.getGainDb() == 0 ? -12 : bed.getGainDb();
    double duck = bed.getDuckDb() == 0 ? 10 : bed.getDuckDb();
    Fields.require(duck <= 40, "music.duck_db", "must be at most 40 dB, got " + duck);
    return switch (bed.getSourceCase()) {
      case FILE -> {
        Path file = kit.input("music.file", bed.getFile());
        double seconds = kit.audio("music.file", file, cancel).durationSeconds();
        Fields.require(seconds > 0, "music.file", "has no measurable length");
        yield new MusicSource(file, seconds, false, fadeIn, fadeOut, gain, duck);
      }
      case GENERATE -> bed.getGenerate()
          ? new MusicSource(null, 0, true, fadeIn, fadeOut, gain, duck) : MusicSource.none();
      case SOURCE_NOT_SET -> MusicSource.none();
    };
  }

  /** 0 means the default; anything else must lie in [min, max]. */
  private static double level(String field, double value, double dflt, double min, double max) {
    if (value == 0) {
      return dflt;
    }
    if (Double.isNaN(value) || value < min || value > max) {
      throw Statuses.invalid(field, "must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  private static LoudnessMeasurement proto(LoudnessReading l) {
    return LoudnessMeasurement.newBuilder().setIntegratedLufs(l.integratedLufs())
        .setTruePeakDbtp(l.truePeakDbtp()).setLoudnessRangeLu(l.rangeLu()).build();
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // A leftover temp caption file is harmless.
    }
  }
}
