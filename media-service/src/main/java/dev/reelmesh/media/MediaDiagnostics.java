package dev.reelmesh.media;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code reelmesh doctor} reports for the media service. */
public final class MediaDiagnostics {
  private MediaDiagnostics() {}

  public static List<Check> run() {
    List<Check> checks = new ArrayList<>();
    try {
      FfmpegBinaries binaries = FfmpegBinaries.get();
      checks.add(Check.ok("media", "bundled FFmpeg",
          binaries.version() + " (" + binaries.ffmpeg() + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checks.add(Check.fail("media", "bundled FFmpeg", "interrupted"));
    } catch (Exception e) {
      checks.add(Check.fail("media", "bundled FFmpeg", e.getMessage()));
    }
    // Without a font, caption burn-in and contact-sheet labels answer FAILED_PRECONDITION;
    // everything else works, so the check is optional rather than a failure.
    Optional<java.nio.file.Path> font = Fonts.find();
    checks.add(font.isPresent()
        ? Check.ok("media", "drawtext font", font.get().toString())
        : Check.optional("media", "drawtext font", "none found: caption burn-in and labelled "
            + "contact sheets are unavailable; " + Fonts.PACKAGE_HINT));
    return checks;
  }
}
