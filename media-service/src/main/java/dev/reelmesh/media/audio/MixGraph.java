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
      // Loop the file just enough times (a finite input ends cleanly); atrim cuts the rest.
      long loops = (long) Math.ceil(sound.seconds() / Math.max(0.01, sound.music().fileSeconds()));
      args.addAll(List.of("-stream_loop", Long.toString(Math.max(0, loops - 1)), "-i",
          sound.music().file().toString()));
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
      g.append("[").append(narration.size()).append(":a]").append(STEREO).append(",");
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
    g.append("[narr]volume=").append(num(narrationGainDb)).append("dB,asplit=2[nv][nkey];");
    g.append("[music]volume=").append(num(musicGainDb)).append("dB[mv];");
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
