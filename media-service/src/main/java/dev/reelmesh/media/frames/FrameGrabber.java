package dev.reelmesh.media.frames;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Single frames out of a video. Each time is its own short FFmpeg run with input seeking, which
 * decodes from the nearest keyframe only: a thumbnail from a long video costs milliseconds, and
 * the frame is the one showing at that time (FFmpeg decodes up to it when transcoding).
 */
public final class FrameGrabber {
  private final FfmpegRunner runner;

  public FrameGrabber(FfmpegRunner runner) {
    this.runner = runner;
  }

  /** {@code width} 0 keeps the source size; {@code jpeg} false writes PNG. */
  /**
   * {@code lastFrame} is when the last frame starts: a time inside the last frame's span
   * seeks there, or FFmpeg would seek past every frame and write nothing.
   */
  public List<Path> grab(Path video, List<Double> times, double lastFrame, int width,
      boolean jpeg, Path dir, Cancellation cancel) {
    List<Path> written = new ArrayList<>();
    try {
      for (int i = 0; i < times.size(); i++) {
        double t = times.get(i);
        Path target = dir.resolve(String.format("frame-%04d-%dms.%s", i + 1,
            Math.round(t * 1000), jpeg ? "jpg" : "png"));
        try (OutputFile out = new OutputFile(target)) {
          List<String> args = new ArrayList<>(List.of("-ss", Encoders.num(Math.min(t, lastFrame)), "-i",
              video.toString(), "-map", "0:v:0", "-frames:v", "1"));
          if (width > 0) {
            args.addAll(List.of("-vf", "scale=" + width + ":-2"));
          }
          if (jpeg) {
            args.addAll(List.of("-q:v", "2"));
          }
          args.addAll(List.of("-update", "1", out.temp().toString()));
          runner.ffmpeg("extract frame at " + t + " s", args, cancel, null);
          if (!Files.isRegularFile(out.temp())) {
            throw new IllegalArgumentException("times_seconds[" + i + "]: no frame at " + t
                + " s (past the last decodable frame)");
          }
          written.add(out.commit());
        }
      }
      return written;
    } catch (RuntimeException e) {
      // All or nothing: frames already written for this call go too.
      for (Path p : written) {
        try {
          Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
          // best effort
        }
      }
      throw e;
    }
  }
}
