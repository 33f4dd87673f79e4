package dev.reelmesh.media.stitch;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

import dev.reelmesh.media.probe.StreamMeta;
import java.util.List;

/**
 * The filter graph of a re-encoding stitch. Every clip is normalised to one frame (size, fit,
 * SAR 1:1, fps, yuv420p, 48 kHz stereo) and trimmed, picture and sound alike, to a whole number
 * of frames of its timeline length ({@link StitchClip#seconds()}: the requested trim or the whole
 * clip); clips are then folded left to right: a cut concatenates, a transition overlaps through
 * xfade (picture) and acrossfade (sound; left out when an {@link AudioOverride} replaces it).
 * Output length = sum of clips − sum of overlaps, on the frame grid.
 */
final class StitchGraph {
  final String graph;
  final double seconds;
  final int transitions;

  private StitchGraph(String graph, double seconds, int transitions) {
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
    List<StitchClip> clips = spec.clips();
    double fps = spec.fps();
    // With a replacement soundtrack the clips' sound is never decoded, let alone crossfaded.
    boolean clipSound = spec.audio() == null;
    for (int i = 0; i < clips.size(); i++) {
      StitchClip clip = clips.get(i);
      String d = num(onGrid(clip.seconds(), fps));
      g.append("[").append(i).append(":v]").append(normalise(spec, clip))
          .append("trim=duration=").append(d)
          // xfade and concat need one time base on every input; settb only rescales stamps.
          .append(",setpts=PTS-STARTPTS,settb=AVTB[v").append(i).append("];");
      if (!clipSound) {
        continue;
      }
      if (clip.info().audio().isPresent()) {
        g.append("[").append(i).append(":a]aresample=48000,")
            .append("aformat=sample_fmts=fltp:channel_layouts=stereo,apad,");
      } else {
        // A silent clip still needs sound so that crossfades and concat line up.
        g.append("anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp,");
      }
      g.append("atrim=duration=").append(d).append(",asetpts=PTS-STARTPTS[a").append(i)
          .append("];");
    }
    String v = "v0";
    String a = "a0";
    double length = onGrid(clips.get(0).seconds(), fps);
    int transitions = 0;
    for (int i = 1; i < clips.size(); i++) {
      Cut cut = spec.cuts().get(i - 1);
      double d = onGrid(clips.get(i).seconds(), fps);
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
    return new StitchGraph(g.toString(), length, transitions);
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
