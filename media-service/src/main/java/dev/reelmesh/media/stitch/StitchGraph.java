package dev.reelmesh.media.stitch;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

import dev.reelmesh.media.motion.MotionChain;
import dev.reelmesh.media.probe.StreamMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs and filter graph of a re-encoding stitch. Every clip file is normalised to one frame
 * (size, fit, SAR 1:1, fps, yuv420p, 48 kHz stereo) and trimmed, picture and sound alike, to a
 * whole number of frames of its timeline length ({@link Segment#seconds()}); a still is moved by
 * its camera ({@link MotionChain}) straight into that frame, with silence for sound. Segments are
 * then folded left to right: a cut concatenates, a transition overlaps through xfade (picture)
 * and acrossfade (sound; left out when an {@link AudioOverride} replaces it). Output length = sum
 * of segments − sum of overlaps, on the frame grid.
 */
final class StitchGraph {
  final List<String> inputs;
  /** Request field of each input, by input index (for naming an input FFmpeg cannot decode). */
  final List<String> inputFields;
  final String graph;
  final double seconds;
  final int transitions;

  private StitchGraph(List<String> inputs, List<String> inputFields, String graph,
      double seconds, int transitions) {
    this.inputs = inputs;
    this.inputFields = inputFields;
    this.graph = graph;
    this.seconds = seconds;
    this.transitions = transitions;
  }

  /** A length snapped to the output frame grid. */
  static double onGrid(double seconds, double fps) {
    return Math.round(seconds * fps) / fps;
  }

  static StitchGraph build(StitchSpec spec) {
    StringBuilder g = new StringBuilder();
    List<String> inputs = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<Segment> segments = spec.segments();
    double fps = spec.fps();
    // With a replacement soundtrack the clips' sound is never decoded, let alone crossfaded.
    boolean clipSound = spec.audio() == null;
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      String d = num(onGrid(segment.seconds(), fps));
      int in = fields.size();
      boolean hasSound = false;
      if (segment instanceof StitchClip clip) {
        inputs.addAll(List.of("-i", clip.path().toString()));
        fields.add(clip.field());
        hasSound = clip.info().audio().isPresent();
        g.append("[").append(in).append(":v]").append(normalise(spec, clip))
            .append("trim=duration=").append(d).append(",");
      } else if (segment instanceof StillShot still) {
        stillInputs(still, fps, inputs, fields);
        g.append(MotionChain.graph(still.motion(), spec.width(), spec.height(), fps,
            still.frames(fps), "[" + in + ":v]", "[" + (in + 1) + ":v]", "[m" + i + "]",
            "s" + i)).append(";[m").append(i).append("]");
      }
      // xfade and concat need one time base on every input; settb only rescales stamps.
      g.append("setpts=PTS-STARTPTS,settb=AVTB[v").append(i).append("];");
      if (!clipSound) {
        continue;
      }
      if (hasSound) {
        g.append("[").append(in).append(":a]aresample=48000,")
            .append("aformat=sample_fmts=fltp:channel_layouts=stereo,apad,");
      } else {
        // A silent clip or a still still needs sound so that crossfades and concat line up.
        g.append("anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp,");
      }
      g.append("atrim=duration=").append(d).append(",asetpts=PTS-STARTPTS[a").append(i)
          .append("];");
    }
    String v = "v0";
    String a = "a0";
    double length = onGrid(segments.get(0).seconds(), fps);
    int transitions = 0;
    for (int i = 1; i < segments.size(); i++) {
      Cut cut = spec.cuts().get(i - 1);
      double d = onGrid(segments.get(i).seconds(), fps);
      String vn = "vj" + i;
      String an = "aj" + i;
      if (!cut.overlaps()) {
        g.append("[").append(v).append("][v").append(i).append("]concat=n=2:v=1:a=0[")
            .append(vn).append("];");
        if (clipSound) {
          g.append("[").append(a).append("][a").append(i).append("]concat=n=2:v=0:a=1[")
              .append(an).append("];");
        }
        length += d;
      } else {
        double t = onGrid(cut.seconds(), fps);
        g.append("[").append(v).append("][v").append(i).append("]xfade=transition=")
            .append(cut.style().xfadeName()).append(":duration=").append(num(t))
            .append(":offset=").append(num(length - t)).append("[").append(vn).append("];");
        if (clipSound) {
          g.append("[").append(a).append("][a").append(i).append("]acrossfade=d=")
              .append(num(t)).append("[").append(an).append("];");
        }
        length += d - t;
        transitions++;
      }
      v = vn;
      a = an;
    }
    g.append("[").append(v).append("]")
        .append(spec.videoFilter() == null ? "null" : spec.videoFilter()).append("[vout]");
    if (clipSound) {
      g.append(";[").append(a).append("]anull[aout]");
    }
    return new StitchGraph(List.copyOf(inputs), List.copyOf(fields), g.toString(), length,
        transitions);
  }

  /** A still is one decoded frame; the loop filter repeats it at the output rate. */
  static void stillInputs(StillShot still, double fps, List<String> inputs,
      List<String> fields) {
    inputs.addAll(List.of("-framerate", num(fps), "-i", still.start().toString()));
    fields.add(still.field() + ".still.start_frame");
    if (still.end() != null) {
      inputs.addAll(List.of("-framerate", num(fps), "-i", still.end().toString()));
      fields.add(still.field() + ".still.end_frame");
    }
  }

  /**
   * Only the steps a clip needs: scaling, padding and frame-rate conversion copy every frame,
   * which cost about a third of the encode when all clips already match (the usual case: the
   * clips come from RenderMotionClip with the same size and rate).
   */
  private static String normalise(StitchSpec spec, StitchClip clip) {
    StreamMeta v = clip.info().video().orElseThrow();
    StringBuilder chain = new StringBuilder();
    if (v.width() != spec.width() || v.height() != spec.height()) {
      chain.append(fit(spec)).append(',');
    } else if (!v.sampleAspectRatio().equals("1:1")) {
      chain.append("setsar=1,");
    }
    if (Math.abs(v.fps() - spec.fps()) > 1e-3) {
      chain.append("fps=").append(num(spec.fps())).append(',');
    }
    if (!v.pixelFormat().equals("yuv420p")) {
      chain.append("format=yuv420p,");
    }
    if (v.durationSeconds() <= 0) {
      // The length came from the container; repeat the last frame if the picture ends early.
      chain.append("tpad=stop_mode=clone:stop_duration=1,");
    }
    return chain.toString();
  }

  private static String fit(StitchSpec spec) {
    String w = Integer.toString(spec.width());
    String h = Integer.toString(spec.height());
    if (spec.crop()) {
      return "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h
          + ",setsar=1";
    }
    return "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease,pad=" + w + ":" + h
        + ":(ow-iw)/2:(oh-ih)/2,setsar=1";
  }
}
