package dev.reelmesh.media.audio;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs and filter graph of a soundtrack: the narration files, then the music file.
 * {@link #sources()} defines the raw {@code [narr]} and {@code [music]} tracks, each exactly the
 * output length; {@link #mixing} adds levels, ducking and the sum {@code [mix]}. Only
 * audio-only passes use it (the picture joins later, with the rendered mix: {@link PreparedMix}).
 */
final class MixGraph {
  private static final String STEREO = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo";
  private final Soundtrack sound;

  MixGraph(Soundtrack sound) {
    this.sound = sound;
  }

  List<String> inputs() {
    List<String> args = new ArrayList<>();
    for (NarrationClip n : sound.narration()) {
      args.addAll(List.of("-i", n.audio().toString()));
    }
    if (sound.music().file() != null) {
      // Looped inside the graph (aloop, see sources()): demuxer-level -stream_loop dropped the
      // repeats now and then when this pass writes two outputs, leaving silence.
      args.addAll(List.of("-i", sound.music().file().toString()));
    }
    return args;
  }

  String sources() {
    String len = num(sound.seconds());
    StringBuilder g = new StringBuilder();
    List<NarrationClip> narration = sound.narration();
    for (int k = 0; k < narration.size(); k++) {
      long delayMs = Math.round(narration.get(k).startSeconds() * 1000);
      g.append("[").append(k).append(":a]").append(STEREO)
          .append(",adelay=delays=").append(delayMs).append(":all=1[n").append(k).append("];");
    }
    if (narration.isEmpty()) {
      g.append("anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp");
    } else {
      for (int k = 0; k < narration.size(); k++) {
        g.append("[n").append(k).append("]");
      }
      g.append("amix=inputs=").append(narration.size()).append(":normalize=0:duration=longest");
    }
    g.append(",apad,atrim=duration=").append(len).append("[narr];");
    MusicSource m = sound.music();
    if (m.generate()) {
      g.append(AmbientBed.graph(sound.seconds(), "[bed]")).append("[bed]anull,");
    } else if (m.file() != null) {
      // The whole file, resampled, is held and repeated; atrim below cuts the bed to length.
      long samples = (long) Math.ceil(Math.max(0.01, m.fileSeconds()) * 48000);
      g.append("[").append(narration.size()).append(":a]").append(STEREO)
          .append(",aloop=loop=-1:size=").append(samples).append(",");
    } else {
      g.append("anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp,");
    }
    g.append("apad,atrim=duration=").append(len);
    if (m.present()) {
      double fadeIn = Math.min(m.fadeIn(), sound.seconds() / 2);
      double fadeOut = Math.min(m.fadeOut(), sound.seconds() / 2);
      g.append(",afade=t=in:d=").append(num(fadeIn)).append(",afade=t=out:st=")
          .append(num(sound.seconds() - fadeOut)).append(":d=").append(num(fadeOut));
    }
    g.append("[music];");
    return g.toString();
  }

  /**
   * From {@code [narr]} and {@code [music]} (defined by the caller) to {@code [mix]}: narration
   * and music at their gains, music ducked under narration, summed.
   */
  String mixing(double narrationGainDb, double musicGainDb) {
    StringBuilder g = new StringBuilder();
    // Fixed frame sizes on both branches: the compressor and amix pair frames as they arrive,
    // and with FFmpeg's threaded inputs differing frame sizes made the output vary run to run.
    g.append("[narr]volume=").append(num(narrationGainDb))
        .append("dB,asetnsamples=n=1024:p=1,asplit=2[nv][nkey];");
    g.append("[music]volume=").append(num(musicGainDb)).append("dB,asetnsamples=n=1024:p=1[mv];");
    double duck = sound.music().duckDb();
    if (sound.music().present() && duck > 0 && !sound.narration().isEmpty()) {
      // The compressor pulls the bed down hard whenever narration is present; mixing back
      // 10^(-duck/20) of the dry bed caps the reduction near duck_db instead of ~20 dB.
      double dry = Math.pow(10, -duck / 20);
      g.append("[mv][nkey]sidechaincompress=threshold=0.003:ratio=20:attack=15:release=350"
          + ":mix=").append(num(1 - dry)).append("[duck];");
    } else {
      g.append("[nkey]anullsink;[mv]anull[duck];");
    }
    g.append("[nv][duck]amix=inputs=2:normalize=0:duration=first[mix];");
    return g.toString();
  }
}
