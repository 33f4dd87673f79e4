package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.music.MusicAnalysis;
import dev.reelmesh.media.music.PcmDecoder;
import dev.reelmesh.v1.AnalyzeMusicRequest;
import dev.reelmesh.v1.AnalyzeMusicResponse;
import java.nio.file.Path;

/**
 * AnalyzeMusic: validate, decode with the bundled FFmpeg, analyse in Java. The analysis is CPU
 * work on the media job pool like FFmpeg's, so it is bounded the same way.
 */
final class MusicRpc {
  /** 15 minutes of 22.05 kHz float PCM is 80 MB; longer music is refused, not truncated. */
  static final double MAX_SECONDS = 900;
  private final Toolkit kit;
  private final PcmDecoder decoder;

  MusicRpc(Toolkit kit) {
    this.kit = kit;
    this.decoder = new PcmDecoder(kit.runner());
  }

  AnalyzeMusicResponse handle(AnalyzeMusicRequest r, Cancellation cancel) {
    double min = r.getMinBpm() == 0 ? 60 : r.getMinBpm();
    double max = r.getMaxBpm() == 0 ? 200 : r.getMaxBpm();
    Fields.require(min >= 30 && min <= 300, "min_bpm", "must be in [30, 300], got " + min);
    Fields.require(max >= 30 && max <= 300, "max_bpm", "must be in [30, 300], got " + max);
    Fields.require(min < max, "min_bpm", "must be below max_bpm (" + min + " >= " + max + ")");
    int perBar = r.getBeatsPerBar() == 0 ? 4 : r.getBeatsPerBar();
    Fields.require(perBar >= 1 && perBar <= 16, "beats_per_bar",
        "must be in [1, 16], got " + r.getBeatsPerBar());
    Path file = kit.input("music", r.getMusic());
    double seconds = kit.audio("music", file, cancel).durationSeconds();
    Fields.require(seconds <= MAX_SECONDS, "music", "is " + seconds + " s long; the analysis "
        + "takes up to " + MAX_SECONDS + " s (cut the part the video uses)");
    float[] pcm = decoder.decode(file, cancel);
    Fields.require(pcm.length > MusicAnalysis.SAMPLE_RATE, "music",
        "has under a second of sound to analyse");
    cancel.check();
    MusicAnalysis.Result a = MusicAnalysis.analyse(pcm, min, max, perBar);
    return AnalyzeMusicResponse.newBuilder().setTempoBpm(a.bpm())
        .setTempoConfidence(a.confidence()).addAllBeatSeconds(a.beats())
        .addAllBarSeconds(a.bars()).addAllBeatEnergy(a.energy())
        .setDurationSeconds(pcm.length / (double) MusicAnalysis.SAMPLE_RATE).build();
  }
}
