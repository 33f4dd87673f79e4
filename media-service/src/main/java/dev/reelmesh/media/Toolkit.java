package dev.reelmesh.media;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.Prober;
import dev.reelmesh.v1.ArtifactRef;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;

/** What every RPC handler shares: the artifact root, the FFmpeg runner, the prober, config. */
record Toolkit(ArtifactStore store, FfmpegRunner runner, Prober prober, MediaConfig config) {

  /** Resolves a required input artifact inside the root; {@code field} names it in errors. */
  Path input(String field, ArtifactRef ref) {
    if (ref == null || ref.getUri().isEmpty()) {
      throw Statuses.invalid(field, "is required");
    }
    return store.resolveExisting(field, ref);
  }

  MediaInfo probe(String field, Path file, Cancellation cancel) {
    return prober.probe(field, file, cancel);
  }

  /**
   * Decodes the first second of every picture and sound stream (a still: its one frame), so a
   * file whose container reads fine but whose data does not (a PNG cut short, garbage packets)
   * is refused: INVALID_ARGUMENT naming {@code field}, with FFmpeg's reason.
   */
  void decodable(String field, Path file, Cancellation cancel) {
    try {
      runner.ffmpeg("decode " + field, List.of("-xerror", "-t", "1", "-i", file.toString(),
          "-map", "0:v?", "-map", "0:a?", "-f", "null", "-"), cancel, null);
    } catch (FfmpegException e) {
      throw Statuses.invalid(field, "cannot be decoded (" + e.reason() + ")");
    }
  }

  /** A still image (PNG/JPEG/WebP...), not a video or a sound. */
  MediaInfo image(String field, Path file, Cancellation cancel) {
    MediaInfo info = probe(field, file, cancel);
    boolean still = info.container().endsWith("_pipe") || info.container().equals("image2");
    if (info.video().isEmpty() || !still) {
      throw Status.INVALID_ARGUMENT.withDescription(field + ": expected a still image (PNG, "
          + "JPEG, WebP), got container '" + info.container() + "'").asRuntimeException();
    }
    if (info.video().get().width() <= 0) {
      throw Status.INVALID_ARGUMENT.withDescription(field + ": the image cannot be decoded "
          + "(ffprobe finds no picture size; the file is truncated or corrupt)")
          .asRuntimeException();
    }
    return info;
  }

  /** A file with a video stream. */
  MediaInfo video(String field, Path file, Cancellation cancel) {
    MediaInfo info = probe(field, file, cancel);
    if (info.video().isEmpty() || info.container().endsWith("_pipe")) {
      throw Status.INVALID_ARGUMENT.withDescription(field + ": expected a video, got "
          + describe(info)).asRuntimeException();
    }
    return info;
  }

  /** A file with an audio stream. */
  MediaInfo audio(String field, Path file, Cancellation cancel) {
    MediaInfo info = probe(field, file, cancel);
    if (info.audio().isEmpty()) {
      throw Status.INVALID_ARGUMENT.withDescription(field + ": expected audio, got "
          + describe(info)).asRuntimeException();
    }
    return info;
  }

  private static String describe(MediaInfo info) {
    return "container '" + info.container() + "' with streams "
        + info.streams().stream().map(s -> s.type() + "/" + s.codec()).toList();
  }
}
