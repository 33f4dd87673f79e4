package dev.reelmesh.media.audio;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a soundtrack ahead of the final encode, in audio-only FFmpeg passes (cheap next to
 * video): (1) measure narration and music on their own (kept as stems), so narration lands
 * at its LUFS and the bed at gain_db below it; (2) render the ducked mix to a float WAV,
 * measured (ebur128) on the way. Knowing the mix's loudness before the final run is what lets
 * the normalisation be one constant gain there: the final encode (MixAudio's, or a stitch's)
 * needs no second pass over the video.
 */
public final class Premixer {
  private final FfmpegRunner runner;

  public Premixer(FfmpegRunner runner) {
    this.runner = runner;
  }

  /** Writes the mix into {@code workDir} (the caller deletes it after the final run). */
  public PreparedMix prepare(Soundtrack sound, Path workDir, Cancellation cancel) {
    MixGraph graph = new MixGraph(sound);
    // Pass 1 keeps the two tracks as float WAV stems, so pass 2 reads them back instead of
    // placing the narration and synthesising the bed a second time. Per-track levels need
    // integrated loudness only; true peak (4x oversampling) is skipped.
    Path narrStem = workDir.resolve("narration.wav");
    Path musicStem = workDir.resolve("music.wav");
    List<String> stems = new ArrayList<>(List.of("-loglevel", "info", "-nostats"));
    stems.addAll(graph.inputs());
    stems.addAll(List.of("-filter_complex", graph.sources()
            + "[narr]ebur128@narr=framelog=verbose[nm];"
            + "[music]ebur128@music=framelog=verbose[mm]",
        "-map", "[nm]", "-c:a", "pcm_f32le", narrStem.toString(),
        "-map", "[mm]", "-c:a", "pcm_f32le", musicStem.toString()));
    String measured = runner.ffmpeg("measure narration and music", stems, cancel, null);
    LoudnessReading narr = LoudnessLog.ebur128(measured, "narr");
    LoudnessReading music = LoudnessLog.ebur128(measured, "music");
    double narrGain = narr.silent() ? 0 : sound.narrationLufs() - narr.integratedLufs();
    double musicGain = music.silent() ? 0
        : sound.narrationLufs() + sound.music().gainDb() - music.integratedLufs();

    // ebur128 measures what loudnorm's first pass would (I, TP) at a fraction of the cost
    // (loudnorm resamples to 192 kHz), and passes the samples through to the WAV unchanged.
    Path wav = workDir.resolve("premix.wav");
    List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats",
        "-i", narrStem.toString(), "-i", musicStem.toString(), "-filter_complex",
        "[0:a]anull[narr];[1:a]anull[music];" + graph.mixing(narrGain, musicGain)
            + "[mix]ebur128@mix=peak=true:framelog=verbose[premix]", "-map", "[premix]",
        "-c:a", "pcm_f32le", "-f", "wav", wav.toString()));
    LoudnessReading m = LoudnessLog.ebur128(runner.ffmpeg("render the mix", args, cancel, null),
        "mix");
    return new PreparedMix(wav, gainChain(wav, m, sound, cancel));
  }

  /**
   * The second pass of two-pass normalisation: one constant gain to the target. When that gain
   * would push the true peak over the ceiling, a look-ahead limiter holds the peaks 0.5 dB under
   * it (alimiter works on sample peaks; the margin covers inter-sample overs). Limiting lowers
   * the loudness, so the limited mix is measured and the gain raised by the shortfall, twice at
   * most. (loudnorm's own dynamic fallback was tried and landed 1.5 LU under target.)
   */
  private String gainChain(Path wav, LoudnessReading m, Soundtrack sound, Cancellation cancel) {
    double gain = sound.targetLufs() - m.integratedLufs();
    if (!Double.isFinite(gain) || m.silent()) {
      return "anull"; // digital silence: nothing to normalise
    }
    if (m.truePeakDbtp() + gain <= sound.truePeakDb()) {
      return "volume=" + num(gain) + "dB";
    }
    double limit = Math.max(0.0625, Math.pow(10, (sound.truePeakDb() - 0.5) / 20));
    String chain = limited(gain, limit);
    for (int round = 0; round < 2; round++) {
      LoudnessReading after = LoudnessLog.ebur128(run("measure the limited mix",
          List.of("-i", wav.toString()), "[0:a]" + chain + ",ebur128@lim=framelog=verbose[lm]",
          List.of("[lm]"), cancel), "lim");
      double shortfall = sound.targetLufs() - after.integratedLufs();
      if (Math.abs(shortfall) < 0.3) {
        break;
      }
      gain += shortfall;
      chain = limited(gain, limit);
    }
    return chain;
  }

  private static String limited(double gainDb, double limit) {
    return "volume=" + num(gainDb) + "dB,alimiter=limit=" + num(limit)
        + ":attack=5:release=50:level=false";
  }

  private String run(String what, List<String> inputs, String filter, List<String> outputs,
      Cancellation cancel) {
    List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats"));
    args.addAll(inputs);
    args.addAll(List.of("-filter_complex", filter));
    for (String label : outputs) {
      args.addAll(List.of("-map", label));
    }
    args.addAll(List.of("-f", "null", "-"));
    return runner.ffmpeg(what, args, cancel, null);
  }
}
