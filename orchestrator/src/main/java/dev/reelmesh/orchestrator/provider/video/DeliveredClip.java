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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A provider's downloaded clip, checked before a job may stitch it: an empty file, one the media
 * service cannot decode as video, or one shorter than its slot fails that step with the reason
 * (and is deleted, so a re-run does not take it for a finished clip).
 *
 * @param seconds its length as the media service measured it, not as the provider said
 */
public record DeliveredClip(ArtifactRef clip, double seconds) {
  /** Tolerance for a container's rounding of the last frame. */
  private static final double SHORT_BY = 0.05;

  /** @param label "fal (clip 2)": who delivered it, for the messages */
  public static DeliveredClip check(String label, Path file, double neededSeconds,
      ArtifactStore artifacts, Channel media) throws IOException {
    if (Files.size(file) == 0) {
      throw refuse(file, Status.DATA_LOSS, label + ": the provider delivered an empty file "
          + "(0 bytes); it is not stitched");
    }
    ArtifactRef clip = artifacts.describe(file, "video/mp4");
    ProbeResponse probe;
    try {
      probe = MediaServiceGrpc.newBlockingStub(media).withDeadlineAfter(1, TimeUnit.MINUTES)
          .probe(ProbeRequest.newBuilder().setMedia(clip).build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNAVAILABLE
          || e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        throw e; // the media service's trouble, not the file's
      }
      throw refuse(file, Status.DATA_LOSS, label + ": the delivered file ("
          + Files.size(file) + " bytes) cannot be decoded as video: "
          + e.getStatus().getDescription());
    }
    boolean video = probe.getStreamsList().stream().anyMatch(s -> "video".equals(s.getType()));
    if (!video || probe.getDurationSeconds() <= 0) {
      throw refuse(file, Status.DATA_LOSS, label + ": the delivered file (" + probe.getContainer()
          + ", " + Files.size(file) + " bytes) has no video to stitch");
    }
    if (probe.getDurationSeconds() + SHORT_BY < neededSeconds) {
      throw refuse(file, Status.FAILED_PRECONDITION, String.format(Locale.ROOT,
          "%s: the video is %.2f s but the clip needs %.2f s", label,
          probe.getDurationSeconds(), neededSeconds));
    }
    return new DeliveredClip(clip, probe.getDurationSeconds());
  }

  private static StatusRuntimeException refuse(Path file, Status status, String why)
      throws IOException {
    Files.deleteIfExists(file);
    return status.withDescription(why).asRuntimeException();
  }
}
