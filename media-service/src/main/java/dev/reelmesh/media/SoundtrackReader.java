package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.audio.MusicSource;
import dev.reelmesh.media.audio.NarrationClip;
import dev.reelmesh.media.audio.Soundtrack;
import dev.reelmesh.media.captions.CaptionCue;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an {@link AudioRequest} against the output length and turns it into a
 * {@link Soundtrack} and caption cues; probes the narration and music files. Shared by MixAudio
 * and Stitch so both accept and refuse exactly the same things.
 */
final class SoundtrackReader {
  private final Toolkit kit;

  SoundtrackReader(Toolkit kit) {
    this.kit = kit;
  }

  /** A soundtrack and the captions its narration text makes. */
  record Read(Soundtrack sound, List<CaptionCue> cues) {}

  Read read(AudioRequest r, double seconds, boolean hasVideo, Cancellation cancel) {
    double narrationLufs = level(r.field("narration_lufs"), r.narrationLufs(), -16, -40, -5);
    double targetLufs = level(r.field("target_lufs"), r.targetLufs(), -14, -40, -5);
    double truePeak = level(r.field("true_peak_db"), r.truePeakDb(), -1, -9, 0);
    Fields.require(!r.captions().getBurnIn() || hasVideo, r.field("captions.burn_in"),
        "needs a video to draw on");
    int fontSize = r.captions().getFontSize();
    Fields.require(fontSize >= 0 && fontSize <= 400, r.field("captions.font_size"),
        "must be in [0, 400] pixels, got " + fontSize);

    List<NarrationClip> narration = new ArrayList<>();
    List<CaptionCue> cues = new ArrayList<>();
    for (int k = 0; k < r.narration().size(); k++) {
      NarrationSegment s = r.narration().get(k);
      String field = r.field("narration[" + k + "]");
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
    Fields.require(!r.wantsCaptions() || !cues.isEmpty(), r.field("captions"),
        "captions were asked for but no narration segment has text");
    MusicSource music = music(r, r.music(), seconds, cancel);
    return new Read(new Soundtrack(seconds, narration, music, narrationLufs, targetLufs,
        truePeak), cues);
  }

  private MusicSource music(AudioRequest r, MusicBed bed, double seconds, Cancellation cancel) {
    Fields.require(bed.getFadeInSeconds() >= 0, r.field("music.fade_in_seconds"),
        "must be >= 0");
    Fields.require(bed.getFadeOutSeconds() >= 0, r.field("music.fade_out_seconds"),
        "must be >= 0");
    Fields.require(bed.getGainDb() >= -60 && bed.getGainDb() <= 20, r.field("music.gain_db"),
        "must be in [-60, 20] dB, got " + bed.getGainDb());
    double fadeIn = bed.getFadeInSeconds() == 0 ? 1.0 : bed.getFadeInSeconds();
    double fadeOut = bed.getFadeOutSeconds() == 0 ? 2.0 : bed.getFadeOutSeconds();
    double gain = bed.getGainDb() == 0 ? -12 : bed.getGainDb();
    double duck = bed.getDuckDb() == 0 ? 10 : bed.getDuckDb();
    Fields.require(duck <= 40, r.field("music.duck_db"), "must be at most 40 dB, got " + duck);
    return switch (bed.getSourceCase()) {
      case FILE -> {
        String field = r.field("music.file");
        Path file = kit.input(field, bed.getFile());
        double fileSeconds = kit.audio(field, file, cancel).durationSeconds();
        Fields.require(fileSeconds > 0, field, "has no measurable length");
        yield new MusicSource(file, fileSeconds, false, fadeIn, fadeOut, gain, duck);
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
}
