package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ProbeResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where every paid video provider hands over what came back: the file is copied into the
 * artifact store at once (provider output URLs expire), then checked before anything stitches
 * it. An empty or undecodable file fails the step DATA_LOSS; a clip shorter than it was asked for
 * fails FAILED_PRECONDITION with both lengths. Either way the file is removed, so a re-run does
 * not take it for a finished clip (it downloads it again from the recorded provider job).
 */
public final class ClipIntake {
  /** One frame at 24 fps and some container rounding. */
  static final double TOLERANCE_SECONDS = 0.05;

  private ClipIntake() {}

  /** A clip that passed: its artifact and its probed length. */
  public record Accepted(ArtifactRef clip, double seconds) {}

  /** Copies {@code body} to {@code out} through a part file, so a torn copy is never kept. */
  public static void copy(InputStream body, Path out) throws IOException {
    Files.createDirectories(out.getParent());
    Path part = out.resolveSibling(out.getFileName() + ".part");
    Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Checks the downloaded {@code file}.
   *
   * @param who the provider and clip, as messages name them ("replicate (clip 2)")
   * @param hint what a person can change when the clip is too short ("" = nothing to add)
   */
  public static Accepted accept(Channel media, ArtifactStore artifacts, Path file,
      double neededSeconds, String who, String hint) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      Files.deleteIfExists(file);
      throw Status.DATA_LOSS.withDescription(who + ": the provider delivered an empty file "
          + "(0 bytes); nothing was stitched").asRuntimeException();
    }
    ArtifactRef clip = artifacts.describe(file, "video/mp4");
    ProbeResponse probe;
    try {
      probe = MediaServiceGrpc.newBlockingStub(media).withDeadlineAfter(1, TimeUnit.MINUTES)
          .probe(ProbeRequest.newBuilder().setMedia(clip).build());
    } catch (StatusRuntimeException e) {
      if (serviceTrouble(e.getStatus().getCode())) {
        throw e; // the media service itself failed, not the file
      }
      long bytes = Files.size(file);
      Files.deleteIfExists(file);
      throw Status.DATA_LOSS.withDescription(who + ": the delivered file (" + bytes + " bytes) "
          + "cannot be decoded as video (" + e.getStatus().getDescription()
          + "); nothing was stitched").asRuntimeException();
    }
    if (probe.getStreamsList().stream().noneMatch(s -> s.getType().equals("video"))
        || probe.getDurationSeconds() <= 0) {
      Files.deleteIfExists(file);
      throw Status.DATA_LOSS.withDescription(who + ": the provider's file (" + probe.getContainer()
          + ") has no video stream; nothing was stitched").asRuntimeException();
    }
    double seconds = probe.getDurationSeconds();
    if (seconds + TOLERANCE_SECONDS < neededSeconds) {
      Files.deleteIfExists(file);
      throw Status.FAILED_PRECONDITION.withDescription(String.format(Locale.ROOT,
          "%s: the video is %.2f s but the clip needs %.2f s%s", who, seconds, neededSeconds,
          hint.isEmpty() ? "" : "; " + hint)).asRuntimeException();
    }
    return new Accepted(clip, seconds);
  }

  /** The media service's own trouble (down, slow, busy): the file was not judged. */
  private static boolean serviceTrouble(Status.Code code) {
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.CANCELLED || code == Status.Code.RESOURCE_EXHAUSTED;
  }
}
