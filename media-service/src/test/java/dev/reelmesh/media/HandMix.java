package dev.reelmesh.media;

import dev.reelmesh.media.audio.AmbientBedAccess;
import dev.reelmesh.media.ffmpeg.Encoders;

/**
 * The soundtrack as an FFmpeg user writes it by hand for the benchmarks' one-command yardsticks:
 * two narration files placed at 2 s and 15 s, the same synthesised bed, sidechain ducking and
 * one-pass loudnorm to -14 LUFS / -1 dBTP. Ends in {@code [a]}.
 */
final class HandMix {
  private HandMix() {}

  /** {@code n0} and {@code n1} are the narration inputs' indices. */
  static String graph(int n0, int n1, double length) {
    return "[" + n0 + ":a]aformat=sample_fmts=fltp:channel_layouts=stereo,adelay=2000:all=1[n0];"
        + "[" + n1 + ":a]aformat=sample_fmts=fltp:channel_layouts=stereo,adelay=15000:all=1[n1];"
        + "[n0][n1]amix=inputs=2:normalize=0,apad,atrim=duration=" + Encoders.num(length)
        + ",asplit=2[nv][nk];" + AmbientBedAccess.graph(length, "[bed]")
        + "[bed]afade=t=in:d=1,afade=t=out:st=" + Encoders.num(length - 2)
        + ":d=2,volume=-6dB[m];"
        + "[m][nk]sidechaincompress=threshold=0.003:ratio=20:attack=15:release=350:"
        + "mix=0.684[duck];[nv][duck]amix=inputs=2:normalize=0,"
        + "loudnorm=I=-14:TP=-1:LRA=11,aresample=48000[a]";
  }
}
