package dev.reelmesh.media.audio;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

/**
 * The offline music bed, synthesised by FFmpeg: a soft A-minor-ish drone (three sines) over
 * pink noise with a fixed seed, low-passed and slowly tremoloed. Deterministic: the same length
 * gives the same samples.
 */
final class AmbientBed {
  private AmbientBed() {}

  /** Filter graph text that ends in the label {@code [out]}, {@code seconds} long, stereo. */
  static String graph(double seconds, String out) {
    String d = num(seconds);
    return "sine=frequency=110:sample_rate=48000:duration=" + d + ",volume=0.5[bed1];"
        + "sine=frequency=164.81:sample_rate=48000:duration=" + d + ",volume=0.3[bed2];"
        + "sine=frequency=261.63:sample_rate=48000:duration=" + d
        + ",tremolo=f=0.15:d=0.6,volume=0.2[bed3];"
        + "anoisesrc=color=pink:sample_rate=48000:seed=7:amplitude=0.08:duration=" + d
        + ",lowpass=f=900[bed4];"
        + "[bed1][bed2][bed3][bed4]amix=inputs=4:normalize=0,lowpass=f=2000,"
        + "tremolo=f=0.1:d=0.3,aformat=sample_fmts=fltp:channel_layouts=stereo" + out + ";";
  }
}
