package dev.reelmesh.media.audio;

/** Integrated loudness (LUFS), true peak (dBTP) and loudness range (LU). */
public record LoudnessReading(double integratedLufs, double truePeakDbtp, double rangeLu) {
  /** ebur128 reports digital silence as -70 LUFS (its absolute gate). */
  public boolean silent() {
    return integratedLufs <= -69.5;
  }
}
