package dev.reelmesh.media.motion;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.OutputFile;
import dev.reelmesh.media.ffmpeg.UndecodableInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stills to a motion clip file ({@link MotionChain}'s move), H.264 + a silent AAC track, so
 * every clip stitches the same way. Stitch renders the same moves without a clip file.
 */
public final class MotionClipRenderer {
  private final FfmpegRunner runner;

  public MotionClipRenderer(FfmpegRunner runner) {
    this.runner = runner;
  }

  public Path render(MotionSpec spec, Cancellation cancel) {
    String fps = Encoders.num(spec.fps());
    String duration = Encoders.num(spec.frames() / spec.fps());
    // -xerror: a still that does not decode stops the run, named by its field.
    List<String> args = new ArrayList<>(List.of("-xerror", "-framerate", fps, "-i",
        spec.start().toString()));
    boolean blend = spec.motion().needsEndFrame();
    if (blend) {
      args.addAll(List.of("-framerate", fps, "-i", spec.end().toString()));
    }
    String graph = MotionChain.graph(spec.motion(), spec.width(), spec.height(), spec.fps(),
        spec.frames(), "[0:v]", "[1:v]", "[v]", "m");
    args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
        "-filter_complex", graph, "-map", "[v]", "-map", (blend ? 2 : 1) + ":a",
        "-frames:v", Integer.toString(spec.frames()), "-t", duration, "-r", fps));
    args.addAll(Encoders.h264(spec.width(), spec.height(), spec.fps()));
    args.addAll(Encoders.aac());
    args.addAll(List.of("-movflags", "+faststart"));
    try (OutputFile out = new OutputFile(spec.output())) {
      args.add(out.temp().toString());
      try {
        runner.ffmpeg("render motion clip", args, cancel, null);
      } catch (FfmpegException e) {
        throw UndecodableInput.of(e, List.of("start_frame", "end_frame"));
      }
      return out.commit();
    }
  }
}
