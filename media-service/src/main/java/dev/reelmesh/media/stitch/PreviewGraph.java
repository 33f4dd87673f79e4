package dev.reelmesh.media.stitch;

import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.motion.MotionChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Low-resolution previews of the still segments that ask for one, rendered in the stitch's own
 * FFmpeg run: the same move ({@link MotionChain}) at preview size, each from the same decoded
 * still as the full-size shot (a still is one frame, so sharing it costs nothing), into its own
 * output. A graph of its own, so FFmpeg runs it on its own thread beside the main picture.
 */
final class PreviewGraph {
  /** Preview height in pixels (or the output's, when smaller). */
  static final int HEIGHT = 180;

  /** One preview: its segment, the graph pad it leaves on, where it is written. */
  record Preview(int segment, String pad, Path target) {}

  final String graph;
  final List<Preview> previews;
  final int width;
  final int height;

  private PreviewGraph(String graph, List<Preview> previews, int width, int height) {
    this.graph = graph;
    this.previews = previews;
    this.width = width;
    this.height = height;
  }

  /** Null when no segment asks for a preview. */
  static PreviewGraph build(StitchSpec spec) {
    int h = Math.min(spec.height(), HEIGHT);
    int w = Math.max(2, (int) Math.round(h * (double) spec.width() / spec.height() / 2) * 2);
    List<String> chains = new ArrayList<>();
    List<Preview> previews = new ArrayList<>();
    int in = 0;
    for (int i = 0; i < spec.segments().size(); i++) {
      Segment segment = spec.segments().get(i);
      if (segment instanceof StillShot still && still.preview() != null) {
        String pad = "[p" + i + "]";
        chains.add(MotionChain.graph(still.motion(), w, h, spec.fps(), still.frames(spec.fps()),
            "[" + in + ":v]", "[" + (in + 1) + ":v]", pad, "q" + i));
        previews.add(new Preview(i, pad, still.preview()));
      }
      in += segment.inputCount();
    }
    return previews.isEmpty() ? null
        : new PreviewGraph(String.join(";", chains), List.copyOf(previews), w, h);
  }

  /** Output arguments for one preview written to {@code file}: picture only. */
  List<String> output(Preview p, double fps, Path file) {
    List<String> args = new ArrayList<>(List.of("-map", p.pad(), "-r", Encoders.num(fps)));
    args.addAll(Encoders.h264(width, height, fps));
    args.addAll(List.of("-movflags", "+faststart", file.toString()));
    return args;
  }
}
