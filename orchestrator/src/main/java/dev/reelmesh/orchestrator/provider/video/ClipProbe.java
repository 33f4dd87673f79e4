package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.ProbeRequest;
import io.grpc.Channel;
import java.util.concurrent.TimeUnit;

/** A provider's downloaded clip, measured by the media service, not taken on its word. */
public final class ClipProbe {
  private ClipProbe() {}

  public static double seconds(Channel media, ArtifactRef clip) {
    return MediaServiceGrpc.newBlockingStub(media).withDeadlineAfter(1, TimeUnit.MINUTES)
        .probe(ProbeRequest.newBuilder().setMedia(clip).build()).getDurationSeconds();
  }
}
