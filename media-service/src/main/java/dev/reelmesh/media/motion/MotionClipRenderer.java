package dev.reelmesh.media.motion;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stills to a motion clip: Ken Burns pan/zoom with zoompan, or a start-to-end cross-blend with
 * xfade. H.264 + a silent AAC track, so every clip stitches the same way.
 */
public final class MotionClipRenderer {
  /** How far in a zoom or pan goes (20 % of the frame). */
  private static final double TRAVEL = 0.2;
  /** How far the start-to-end blend zooms in over the clip. */
  private static final double BLEND_ZOOM = 0.08;
  private final FfmpegRunner runner;

  public MotionClipRenderer(FfmpegRunner runner) {
    this.runner = runner;
  }

  public Path render(MotionSpec spec, Cancellation cancel) {
    int w = spec.width();
    int h = spec.height();
    String fps = Encoders.num(spec.fps());
    String duration = Encoders.num(spec.frames() / spec.fps());
    List<String> args = new ArrayList<>();
    String graph;
    if (spec.motion() == MotionKind.BLEND) {
      // Each still is decoded once and repeated by the loop filter (decoding a PNG per frame
      // costs more than the blend); xfade over the whole clip is the start-to-end blend.
      int last = spec.frames() - 1;
      args.addAll(List.of("-framerate", fps, "-i", spec.start().toString(),
          "-framerate", fps, "-i", spec.end().toString()));
      String still = cover(w, h) + ",loop=loop=" + last + ":size=1:start=0";
      // The gentle zoom (8 %) runs at output size, where it costs ~0.45 s per 4 s 720p clip; at
      // this slow speed the whole-pixel steps of zoompan barely show.
      graph = "[0:v]" + still + "[a];[1:v]" + still + "[b];[a][b]xfade=transition=fade:duration="
          + duration + ":offset=0,zoompan=z='1+" + BLEND_ZOOM + "*on/" + Math.max(1, last)
          + "':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=" + w + "x" + h + ":fps=" + fps
          + ",setsar=1,format=yuv420p[v]";
    } else {
      // zoompan emits d frames from one decoded still. Working at twice the output size keeps
      // the sub-pixel motion smooth instead of stepping a pixel at a time.
      args.addAll(List.of("-i", spec.start().toString()));
      graph = "[0:v]" + cover(2 * w, 2 * h) + "," + zoompan(spec) + ",setsar=1,format=yuv420p[v]";
    }
    args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
        "-filter_complex", graph, "-map", "[v]", "-map", (spec.motion() == MotionKind.BLEND ? 2 : 1)
            + ":a", "-frames:v", Integer.toString(spec.frames()), "-t", duration, "-r", fps));
    args.addAll(Encoders.h264(w, h, spec.fps()));
    args.addAll(Encoders.aac());
    args.addAll(List.of("-movflags", "+faststart"));
    try (OutputFile out = new OutputFile(spec.output())) {
      args.add(out.temp().toString());
      runner.ffmpeg("render motion clip", args, cancel, null);
      return out.commit();
    }
  }

  /** Scale to fill w x h and crop the overflow, square pixels. */
  private static String cover(int w, int h) {
    return "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h
        + ",setsar=1";
  }

  private static String zoompan(MotionSpec spec) {
    String p = "on/" + Math.max(1, spec.frames() - 1); // 0 → 1 across the clip
    String zoomed = Encoders.num(1 + TRAVEL);
    String z;
    String x = "iw/2-(iw/zoom/2)";
    String y = "ih/2-(ih/zoom/2)";
    switch (spec.motion()) {
      case STATIC -> z = "1";
      case ZOOM_IN -> z = "1+" + TRAVEL + "*" + p;
      case ZOOM_OUT -> z = zoomed + "-" + TRAVEL + "*" + p;
      case PAN_LEFT -> {
        z = zoomed;
        x = "(iw-iw/zoom)*(1-" + p + ")";
      }
      case PAN_RIGHT -> {
        z = zoomed;
        x = "(iw-iw/zoom)*" + p;
      }
      case PAN_UP -> {
        z = zoomed;
        y = "(ih-ih/zoom)*(1-" + p + ")";
      }
      case PAN_DOWN -> {
        z = zoomed;
        y = "(ih-ih/zoom)*" + p;
      }
      default -> throw new IllegalArgumentException("not a one-still motion: " + spec.motion());
    }
    return "zoompan=z='" + z + "':x='" + x + "':y='" + y + "':d=" + spec.frames() + ":s="
        + spec.width() + "x" + spec.height() + ":fps=" + Encoders.num(spec.fps());
  }
}
