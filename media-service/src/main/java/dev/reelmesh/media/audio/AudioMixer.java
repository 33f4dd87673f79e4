package dev.reelmesh.media.audio;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.OutputFile;
import dev.reelmesh.media.ffmpeg.WorkDir;
import java.util.ArrayList;
import java.util.List;

/**
 * MixAudio's work: the soundtrack rendered by {@link Premixer}, then one final run that applies
 * the normalising gain and encodes it, onto the video when there is one (copied unless captions
 * are burnt in). The loudness returned is metered on the encoded samples.
 */
public final class AudioMixer {
  private final FfmpegRunner runner;
  private final Premixer premixer;

  public AudioMixer(FfmpegRunner runner) {
    this.runner = runner;
    this.premixer = new Premixer(runner);
  }

  public MixOutcome mix(MixSpec spec, Cancellation cancel) {
    try (WorkDir work = new WorkDir("reelmesh-mix");
        OutputFile out = new OutputFile(spec.output())) {
      PreparedMix prepared = premixer.prepare(spec.sound(), work.path(), cancel);
      List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats"));
      if (spec.video() != null) {
        args.addAll(List.of("-i", spec.video().toString()));
      }
      args.addAll(List.of("-i", prepared.wav().toString()));
      String graph = prepared.graph(spec.video() == null ? 0 : 1);
      if (spec.video() != null && spec.videoFilter() != null) {
        graph += ";[0:v]" + spec.videoFilter() + "[vout]";
      }
      args.addAll(List.of("-filter_complex", graph));
      if (spec.video() != null) {
        if (spec.videoFilter() != null) {
          MixSpec.VideoFormat f = spec.videoFormat();
          args.addAll(List.of("-map", "[vout]"));
          args.addAll(Encoders.h264(f.width(), f.height(), f.fps()));
        } else {
          args.addAll(List.of("-map", "0:v:0", "-c:v", "copy"));
        }
      }
      args.addAll(List.of("-map", "[aout]"));
      args.addAll(Encoders.aac());
      args.addAll(List.of("-movflags", "+faststart", out.temp().toString()));
      args.addAll(PreparedMix.meterOutput());
      String log = runner.ffmpeg("mix audio", args, cancel, null);
      out.commit();
      return new MixOutcome(spec.output(), PreparedMix.loudness(log));
    }
  }
}
