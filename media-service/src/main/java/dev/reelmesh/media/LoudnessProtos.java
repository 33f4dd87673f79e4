package dev.reelmesh.media;

import dev.reelmesh.media.audio.LoudnessReading;
import dev.reelmesh.v1.LoudnessMeasurement;

/** LoudnessReading → its proto, for MixAudio and Stitch-with-audio alike. */
final class LoudnessProtos {
  private LoudnessProtos() {}

  static LoudnessMeasurement toProto(LoudnessReading l) {
    return LoudnessMeasurement.newBuilder().setIntegratedLufs(l.integratedLufs())
        .setTruePeakDbtp(l.truePeakDbtp()).setLoudnessRangeLu(l.rangeLu()).build();
  }
}
