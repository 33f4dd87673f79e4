package dev.reelmesh.media;

import dev.reelmesh.media.captions.BurnIn;
import dev.reelmesh.media.captions.CaptionCue;
import dev.reelmesh.media.captions.SrtWriter;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CaptionOptions;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The caption side of MixAudio and Stitch-with-audio: the burn-in chain, the SRT file. */
final class Captions {
  private Captions() {}

  /**
   * The drawtext chain for {@code cues} on a picture {@code height} pixels tall; its text files
   * go into {@code workDir}. FAILED_PRECONDITION when the machine has no TrueType font.
   */
  static String burnIn(Toolkit kit, AudioRequest r, List<CaptionCue> cues, int height,
      Path workDir) {
    Path font = kit.config().fontFile();
    if (font == null) {
      throw Status.FAILED_PRECONDITION.withDescription(r.field("captions.burn_in")
          + ": no TrueType font on this machine for drawtext; " + Fonts.PACKAGE_HINT)
          .asRuntimeException();
    }
    CaptionOptions c = r.captions();
    int size = c.getFontSize() > 0 ? c.getFontSize() : Math.max(8, height / 18);
    return BurnIn.filter(cues, font, size, workDir, new ArrayList<>());
  }

  /** Writes "<output stem>.srt" beside {@code output}. */
  static ArtifactRef writeSrt(Toolkit kit, Path output, List<CaptionCue> cues) {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path srt = output.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".srt");
    try {
      Files.writeString(srt, SrtWriter.write(cues));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write captions to " + srt, e);
    }
    return kit.store().describe(srt, "application/x-subrip");
  }
}
