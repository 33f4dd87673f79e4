package dev.reelmesh.media.audio;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.OutputFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Narration + ducked music bed + loudness normalisation, in three FFmpeg passes over audio (cheap
 * next to video): (1) measure narration and music on their own, so narration lands at its LUFS
 * and the bed at gain_db below it; (2) measure the ducked mix (ebur128); (3) the second pass of
 * two-pass normalisation, encoded onto the video (copied unless captions
 * are burnt in), metered by ebur128 on the samples that are encoded: the figure the caller gets.
 */
public final class AudioMixer {
  private final FfmpegRunner runner;

  public AudioMixer(FfmpegRunner runner) {
    this.runner = runner;
  }

  public MixOutcome mix(MixSpec spec, Cancellation cancel) {
    MixGraph graph = new MixGraph(spec, false);
    MixGraph withVideo = new MixGraph(spec, true);
    // Per-track levels need integrated loudness only; true peak (4x oversampling) is skipped.
    String measured = run("measure narration and music", graph, graph.sources()
        + "[narr]ebur128@narr=framelog=verbose[nm];"
        + "[music]ebur128@music=framelog=verbose[mm]", List.of("[nm]", "[mm]"), cancel);
    LoudnessReading narr = LoudnessLog.ebur128(measured, "narr");
    LoudnessReading music = LoudnessLog.ebur128(measured, "music");
    double narrGain = narr.silent() ? 0 : spec.narrationLufs() - narr.integratedLufs();
    double musicGain = music.silent() ? 0
        : spec.narrationLufs() + spec.music().gainDb() - music.integratedLufs();

    String mixed = graph.mixed(narrGain, musicGain);
    // ebur128 measures what loudnorm's first pass would (I, TP) at a fraction of the cost:
    // loudnorm resamples to 192 kHz on its way.
    LoudnessReading m = LoudnessLog.ebur128(run("measure the mix", graph, mixed
        + "[mix]ebur128@mix=peak=true:framelog=verbose[lm]", List.of("[lm]"), cancel), "mix");

    // The encoded samples are metered on their way into the encoder (asplit), which saves
    // decoding the written file again. For speech and music AAC at 160k moves integrated
    // loudness by a few tenths of a LU at most; full-band noise loses more to its lowpass.
    String normalise = normalise(graph, mixed, m, spec, cancel);
    String full = withVideo.mixed(narrGain, musicGain) + "[mix]" + normalise
        + ",asplit=2[aout][meter];[meter]ebur128@out=peak=true:framelog=verbose[metered]";
    String log;
    try (OutputFile out = new OutputFile(spec.output())) {
      List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats"));
      args.addAll(withVideo.inputs());
      if (spec.video() != null && spec.videoFilter() != null) {
        full += ";[0:v]" + spec.videoFilter() + "[vout]";
      }
      args.addAll(List.of("-filter_complex", full));
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
      // No -t here: [aout] is already exactly the output length, and an output closed by -t
      // while asplit still feeds the meter can stall FFmpeg's scheduler.
      args.addAll(List.of("-movflags", "+faststart", out.temp().toString(),
          "-map", "[metered]", "-f", "null", "-"));
      log = runner.ffmpeg("mix audio", args, cancel, null);
      out.commit();
    }
    return new MixOutcome(spec.output(), LoudnessLog.ebur128(log, "out"));
  }

  /**
   * The second pass of two-pass normalisation: one constant gain to the target. When that gain
   * would push the true peak over the ceiling, a look-ahead limiter holds the peaks 0.5 dB under
   * it (alimiter works on sample peaks; the margin covers inter-sample overs). Limiting lowers
   * the loudness, so the limited mix is measured and the gain raised by the shortfall, twice at
   * most. (loudnorm's own dynamic fallback was tried and landed 1.5 LU under target.)
   */
  private String normalise(MixGraph graph, String mixed, LoudnessReading m, MixSpec spec,
      Cancellation cancel) {
    double gain = spec.targetLufs() - m.integratedLufs();
    if (!Double.isFinite(gain)) {
      return "anull"; // digital silence: nothing to normalise
    }
    if (m.truePeakDbtp() + gain <= spec.truePeakDb()) {
      return "volume=" + num(gain) + "dB";
    }
    double limit = Math.max(0.0625, Math.pow(10, (spec.truePeakDb() - 0.5) / 20));
    String chain = limited(gain, limit);
    for (int round = 0; round < 2; round++) {
      LoudnessReading after = LoudnessLog.ebur128(run("measure the limited mix", graph,
          mixed + "[mix]" + chain + ",ebur128@lim=framelog=verbose[lm]", List.of("[lm]"),
          cancel), "lim");
      double shortfall = spec.targetLufs() - after.integratedLufs();
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

  private String run(String what, MixGraph graph, String filter, List<String> outputs,
      Cancellation cancel) {
    List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats"));
    args.addAll(graph.inputs());
    args.addAll(List.of("-filter_complex", filter));
    for (String label : outputs) {
      args.addAll(List.of("-map", label));
    }
    args.addAll(List.of("-f", "null", "-"));
    return runner.ffmpeg(what, args, cancel, null);
  }
}
