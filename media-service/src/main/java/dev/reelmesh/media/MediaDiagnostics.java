package dev.reelmesh.media;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import java.util.List;

/** What {@code reelmesh doctor} reports for the media service. */
public final class MediaDiagnostics {
  private MediaDiagnostics() {}

  public static List<Check> run() {
    try {
      FfmpegBinaries binaries = FfmpegBinaries.get();
      return List.of(Check.ok("media", "bundled FFmpeg",
          binaries.version() + " (" + binaries.ffmpeg() + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(Check.fail("media", "bundled FFmpeg", "interrupted"));
    } catch (Exception e) {
      return List.of(Check.fail("media", "bundled FFmpeg", e.getMessage()));
    }
  }
}
